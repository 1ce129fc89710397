package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules as documented: London, weekdays 09:00-17:00, 30-minute grid, 15-minute buffer, 2
 * h notice, 90 days.
 */
class SlotGuardTest {

	private static final String NOW = "2026-11-30T08:00:00Z";

	private final FakeCalendar calendar = new FakeCalendar();

	private final Bookings bookings = new Bookings();

	private final SlotRules rules = TestRules.defaults().rules();

	private final CalendarBusyCache busy = new CalendarBusyCache(calendar, rules, event -> {
	}, Duration.ofMillis(200));

	private final SlotGuard guard = new OfferedSlotGuard(new SlotEngine(rules, TestRules.clock(NOW)), rules,
			bookings.repository(), busy);

	@AfterEach
	void releaseCalendar() {
		calendar.release();
		busy.destroy();
	}

	@Test
	void acceptsAFreeSlotOnTheGrid() {
		assertThatCode(() -> check("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z")).doesNotThrowAnyException();
		assertThatCode(() -> check("2026-12-01T16:00:00Z", "2026-12-01T17:00:00Z")).doesNotThrowAnyException();
	}

	@Test
	void refusesTimesOutsideBusinessHours() {
		assertNotOffered("2026-12-01T16:30:00Z", "2026-12-01T17:30:00Z", "outside business hours");
		assertNotOffered("2026-12-01T07:00:00Z", "2026-12-01T07:30:00Z", "outside business hours");
		assertNotOffered("2026-12-05T10:00:00Z", "2026-12-05T10:30:00Z", "outside business hours");
	}

	@Test
	void refusesStartsOffTheGrid() {
		assertNotOffered("2026-12-01T10:15:00Z", "2026-12-01T10:45:00Z", "not on the slot grid");
	}

	@Test
	void refusesThePastTheMinimumNoticeAndBeyondTheMaximumAdvance() {
		assertNotOffered("2026-11-27T10:00:00Z", "2026-11-27T10:30:00Z", "in the past");
		assertNotOffered("2026-11-30T09:30:00Z", "2026-11-30T10:00:00Z", "minimum notice of 2 hours");
		assertNotOffered("2027-03-01T10:00:00Z", "2027-03-01T10:30:00Z", "more than 90 days ahead");
		assertThatCode(() -> check("2026-11-30T10:00:00Z", "2026-11-30T10:30:00Z")).doesNotThrowAnyException();
	}

	@Test
	void refusesDurationsOutOfRange() {
		assertNotOffered("2026-12-01T10:00:00Z", "2026-12-01T10:10:00Z", "between 15 and 240 minutes");
		assertNotOffered("2026-12-01T09:00:00Z", "2026-12-01T13:30:00Z", "between 15 and 240 minutes");
		assertNotOffered("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z", "must end after it starts");
	}

	@Test
	void refusesOverlapWithAnotherBookingBufferIncluded() {
		bookings.add("2026-12-01T10:30:00Z", "2026-12-01T11:00:00Z");

		assertUnavailable("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z", "another booking");
		assertUnavailable("2026-12-01T11:00:00Z", "2026-12-01T11:30:00Z", "another booking");
		assertThatCode(() -> check("2026-12-01T11:30:00Z", "2026-12-01T12:00:00Z")).doesNotThrowAnyException();
	}

	@Test
	void aGapOfExactlyTheBufferIsAllowed() {
		bookings.add("2026-12-01T09:15:00Z", "2026-12-01T09:45:00Z");

		assertThatCode(() -> check("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z")).doesNotThrowAnyException();
	}

	@Test
	void refusesOverlapWithACalendarBusyPeriodBufferIncluded() {
		calendar.busy("2026-12-01T10:40:00Z", "2026-12-01T10:50:00Z");

		assertUnavailable("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z", "busy time in the business calendar");
		assertUnavailable("2026-12-01T11:00:00Z", "2026-12-01T11:30:00Z", "busy time in the business calendar");
	}

	@Test
	void reschedulingIgnoresTheBookingsOwnIntervalAndItsOwnCalendarEvent() {
		UUID own = bookings.add("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z");
		calendar.busy("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z");

		assertThatCode(
				() -> guard.check(Instant.parse("2026-12-01T10:30:00Z"), Instant.parse("2026-12-01T11:00:00Z"), own))
			.doesNotThrowAnyException();
		assertUnavailable("2026-12-01T10:30:00Z", "2026-12-01T11:00:00Z", "another booking");
	}

	@Test
	void reschedulingIsStillBlockedByABusyPeriodThatIsNotItsOwnEvent() {
		UUID own = bookings.add("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z");
		calendar.busy("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z")
			.ownerEvent("2026-12-01T10:30:00Z", "2026-12-01T11:00:00Z");

		assertThatThrownBy(
				() -> guard.check(Instant.parse("2026-12-01T11:00:00Z"), Instant.parse("2026-12-01T11:30:00Z"), own))
			.isInstanceOf(SlotUnavailable.class);
	}

	@Test
	void reschedulingNextToItsOwnEventIsNotBlockedWhenFreeBusyMergedItWithANeighbour() {
		UUID own = bookings.add("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z");
		// Free/busy merges the owner's 09:00-10:00 meeting with the booking's own event
		// into one period.
		calendar.busy("2026-12-01T09:00:00Z", "2026-12-01T10:30:00Z")
			.ownerEvent("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z");

		assertThatCode(
				() -> guard.check(Instant.parse("2026-12-01T10:30:00Z"), Instant.parse("2026-12-01T11:00:00Z"), own))
			.doesNotThrowAnyException();
		assertThatThrownBy(
				() -> guard.check(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:30:00Z"), null))
			.as("a new booking still sees free/busy")
			.isInstanceOf(SlotUnavailable.class);
	}

	@Test
	void seesTheCalendarAsItIsNowNotAsCached() {
		busy.cached(List.of(LocalDate.of(2026, 12, 1)));
		calendar.busy("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z");

		assertUnavailable("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z", "busy time in the business calendar");
	}

	@Test
	void whenTheCalendarTimesOutFallsBackToTheLastKnownBusyTimes() {
		calendar.busy("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z");
		assertUnavailable("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z", "busy time in the business calendar");
		calendar.clear().mode(FakeCalendar.Mode.HANG);

		assertUnavailable("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z", "busy time in the business calendar");
		assertThatCode(() -> check("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z")).doesNotThrowAnyException();
	}

	@Test
	void whenTheCalendarFailsFallsBackToTheLastKnownBusyTimes() {
		calendar.busy("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z");
		assertUnavailable("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z", "busy time in the business calendar");
		calendar.clear().mode(FakeCalendar.Mode.FAIL);

		assertUnavailable("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z", "busy time in the business calendar");
	}

	@Test
	void withNothingKnownAndNoCalendarTheSlotIsAccepted() {
		calendar.busy("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z").mode(FakeCalendar.Mode.HANG);

		assertThatCode(() -> check("2026-12-01T14:00:00Z", "2026-12-01T14:30:00Z")).doesNotThrowAnyException();
	}

	private void check(String start, String end) {
		guard.check(Instant.parse(start), Instant.parse(end), null);
	}

	private void assertNotOffered(String start, String end, String reason) {
		assertThatThrownBy(() -> check(start, end)).isInstanceOf(SlotNotOffered.class).hasMessageContaining(reason);
	}

	private void assertUnavailable(String start, String end, String reason) {
		assertThatThrownBy(() -> check(start, end)).isInstanceOf(SlotUnavailable.class).hasMessageContaining(reason);
	}

}
