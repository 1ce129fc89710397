package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.acme.booking.core.Booking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.acme.booking.availability.TestRules.concat;
import static com.acme.booking.availability.TestRules.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cached listing; London, weekdays 09:00-17:00, 15-minute buffer, now Monday
 * 2026-11-30 08:00Z.
 */
class SlotCatalogTest {

	private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	private final FakeCalendar calendar = new FakeCalendar();

	private final Bookings bookings = new Bookings();

	private final SlotRules rules = TestRules.defaults().rules();

	private final SlotEngine engine = new SlotEngine(rules, TestRules.clock("2026-11-30T08:00:00Z"));

	private SlotCatalog catalog;

	private final CalendarBusyCache busy = new CalendarBusyCache(calendar, rules, event -> {
		if (event instanceof BusyTimesChanged changed) {
			catalog.busyTimesChanged(changed);
		}
	}, Duration.ofMillis(200));

	{
		catalog = new SlotCatalog(engine, rules, bookings.repository(), busy);
	}

	@AfterEach
	void releaseCalendar() {
		calendar.release();
		busy.destroy();
	}

	@Test
	void listsTheGridLessBookingsAndBusyTimesWidenedByTheBuffer() {
		bookings.add("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z");
		calendar.busy("2026-12-01T13:00:00Z", "2026-12-01T15:00:00Z");

		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR))
			.containsExactlyElementsOf(concat(run("2026-12-01T09:00:00Z", 1, 30), run("2026-12-01T11:00:00Z", 3, 30),
					run("2026-12-01T15:30:00Z", 3, 30)));
	}

	@Test
	void forReschedulingTheBookingsOwnTimeItsNeighboursAndItsCalendarEventAreFreeButNotTheOthers() {
		Booking own = bookings.get(bookings.add("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"));
		bookings.add("2026-12-01T11:30:00Z", "2026-12-01T12:00:00Z");
		// Free/busy merged the booking's own event with the owner's 09:00-09:45; read by
		// id, only the latter is there.
		calendar.busy("2026-12-01T09:00:00Z", "2026-12-01T10:30:00Z")
			.ownerEvent("2026-12-01T09:00:00Z", "2026-12-01T09:45:00Z");
		calendar.busy("2026-12-01T13:00:00Z", "2026-12-01T15:00:00Z")
			.ownerEvent("2026-12-01T13:00:00Z", "2026-12-01T15:00:00Z");

		assertThat(catalog.offeredIgnoring(TUESDAY.minusDays(1), TUESDAY.plusDays(1), HALF_HOUR, own))
			.containsExactlyElementsOf(concat(run("2026-11-30T10:00:00Z", 14, 30), run("2026-12-01T10:00:00Z", 2, 30),
					run("2026-12-01T15:30:00Z", 3, 30), run("2026-12-02T09:00:00Z", 16, 30)));
		// Nothing of that is cached for everyone else.
		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR))
			.containsExactlyElementsOf(run("2026-12-01T15:30:00Z", 3, 30));
	}

	@Test
	void startsAtTheMinimumNoticeAndSkipsClosedDays() {
		assertThat(catalog.offered(LocalDate.of(2026, 11, 28), TUESDAY, HALF_HOUR)).containsExactlyElementsOf(
				concat(run("2026-11-30T10:00:00Z", 14, 30), run("2026-12-01T09:00:00Z", 16, 30)));
	}

	@Test
	void servesRepeatedListingsFromTheCacheUntilBookingsChange() {
		List<Interval> before = catalog.offered(TUESDAY, TUESDAY, HALF_HOUR);
		bookings.add("2026-12-01T09:00:00Z", "2026-12-01T17:00:00Z");

		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR)).isEqualTo(before).hasSize(16);

		catalog.bookingsChanged();
		busy.bookingsChanged();

		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR)).isEmpty();
	}

	@Test
	void asksTheCalendarOnceForAllMissingDatesAndCachesItsAnswer() {
		catalog.offered(TUESDAY, TUESDAY.plusDays(29), HALF_HOUR);
		catalog.offered(TUESDAY, TUESDAY.plusDays(29), Duration.ofHours(1));
		catalog.offered(TUESDAY.plusDays(5), TUESDAY.plusDays(10), Duration.ofMinutes(45));

		assertThat(calendar.calls()).isEqualTo(1);
	}

	@Test
	void aFreshCalendarAnswerAtBookingTimeDropsTheStaleListingOfThatDate() {
		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR)).hasSize(16);
		calendar.busy("2026-12-01T09:00:00Z", "2026-12-01T12:00:00Z");
		OfferedSlotGuard guard = new OfferedSlotGuard(engine, rules, bookings.repository(), busy);

		assertThatThrownBy(
				() -> guard.check(Instant.parse("2026-12-01T11:00:00Z"), Instant.parse("2026-12-01T11:30:00Z"), null))
			.isInstanceOf(SlotUnavailable.class);

		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR))
			.containsExactlyElementsOf(run("2026-12-01T12:30:00Z", 9, 30));
	}

	@Test
	void whileTheCalendarIsDownListsWithWhatWasLastKnownAndAsksAgainNextTime() {
		calendar.busy("2026-12-01T09:00:00Z", "2026-12-01T12:00:00Z");
		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR)).hasSize(9);
		catalog.bookingsChanged();
		busy.bookingsChanged();
		calendar.clear().mode(FakeCalendar.Mode.FAIL);

		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR)).hasSize(9);

		calendar.mode(FakeCalendar.Mode.ANSWER);
		assertThat(catalog.offered(TUESDAY, TUESDAY, HALF_HOUR)).hasSize(16);
		assertThat(calendar.calls()).isEqualTo(3);
	}

}
