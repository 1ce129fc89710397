package com.acme.booking.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.acme.booking.availability.TestRules.concat;
import static com.acme.booking.availability.TestRules.run;
import static com.acme.booking.availability.TestRules.slot;
import static org.assertj.core.api.Assertions.assertThat;

class SlotEngineTest {

	private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Test
	void offersEveryStepOfEachRangeWhereTheSlotFitsWholly() {
		SlotEngine engine = TestRules.defaults()
			.hours("TUESDAY", "09:00-12:00,13:00-15:00")
			.engine("2026-11-30T00:00:00Z");

		List<Interval> slots = engine.offered(TUESDAY, TUESDAY, Duration.ofHours(1), List.of());

		assertThat(slots).containsExactlyElementsOf(concat(List.of(slot("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"),
				slot("2026-12-01T09:30:00Z", "2026-12-01T10:30:00Z"),
				slot("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"),
				slot("2026-12-01T10:30:00Z", "2026-12-01T11:30:00Z"),
				slot("2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z"),
				slot("2026-12-01T13:00:00Z", "2026-12-01T14:00:00Z"),
				slot("2026-12-01T13:30:00Z", "2026-12-01T14:30:00Z"),
				slot("2026-12-01T14:00:00Z", "2026-12-01T15:00:00Z"))));
	}

	@Test
	void theDefaultHoursAreWeekdaysNineToFiveAndWeekendsAreClosed() {
		SlotEngine engine = TestRules.defaults().engine("2026-11-30T00:00:00Z");

		List<Interval> slots = engine.offered(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7), HALF_HOUR,
				List.of());

		assertThat(slots).containsExactlyElementsOf(
				concat(run("2026-12-04T09:00:00Z", 16, 30), run("2026-12-07T09:00:00Z", 16, 30)));
	}

	@Test
	void aBookingBlocksItsSlotsWidenedByTheBufferAndAGapOfExactlyTheBufferIsFree() {
		SlotEngine engine = TestRules.defaults()
			.hours("TUESDAY", "09:00-12:00")
			.step(Duration.ofMinutes(15))
			.engine("2026-11-30T00:00:00Z");

		List<Interval> slots = engine.offered(TUESDAY, TUESDAY, HALF_HOUR,
				List.of(slot("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z")));

		assertThat(slots).extracting(s -> s.start().toString())
			.containsExactly("2026-12-01T09:00:00Z", "2026-12-01T09:15:00Z", "2026-12-01T10:45:00Z",
					"2026-12-01T11:00:00Z", "2026-12-01T11:15:00Z", "2026-12-01T11:30:00Z");
	}

	@Test
	void overlappingBusyPeriodsAndBookingsBlockTogether() {
		SlotEngine engine = TestRules.defaults().hours("TUESDAY", "13:00-17:00").engine("2026-11-30T00:00:00Z");

		List<Interval> slots = engine.offered(TUESDAY, TUESDAY, HALF_HOUR,
				List.of(slot("2026-12-01T13:20:00Z", "2026-12-01T14:10:00Z"),
						slot("2026-12-01T14:00:00Z", "2026-12-01T14:15:00Z"),
						slot("2026-12-01T16:50:00Z", "2026-12-01T18:00:00Z")));

		assertThat(slots).containsExactlyElementsOf(run("2026-12-01T14:30:00Z", 4, 30));
	}

	@Test
	void nothingStartsInsideTheMinimumNoticeAndItsBoundaryIsOffered() {
		SlotEngine engine = TestRules.defaults().engine("2026-12-01T11:00:00Z");

		List<Interval> slots = engine.offered(TUESDAY, TUESDAY, HALF_HOUR, List.of());

		assertThat(slots).containsExactlyElementsOf(run("2026-12-01T13:00:00Z", 8, 30));
	}

	@Test
	void nothingInThePastEvenWithoutNotice() {
		SlotEngine engine = TestRules.defaults().minNotice(Duration.ZERO).engine("2026-12-01T15:10:00Z");

		List<Interval> slots = engine.offered(LocalDate.of(2026, 11, 30), TUESDAY, HALF_HOUR, List.of());

		assertThat(slots).containsExactlyElementsOf(run("2026-12-01T15:30:00Z", 3, 30));
	}

	@Test
	void nothingStartsBeyondTheMaximumAdvance() {
		SlotEngine engine = TestRules.defaults().maxAdvance(Duration.ofDays(1)).engine("2026-11-30T09:00:00Z");

		List<Interval> slots = engine.offered(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2), HALF_HOUR,
				List.of());

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-11-30T11:00:00Z", 12, 30), run("2026-12-01T09:00:00Z", 1, 30)));
	}

	@Test
	void aRangeMayEndAtMidnight() {
		SlotEngine engine = TestRules.defaults().hours("TUESDAY", "22:00-24:00").engine("2026-11-30T00:00:00Z");

		List<Interval> slots = engine.offered(TUESDAY, TUESDAY, Duration.ofHours(1), List.of());

		assertThat(slots).containsExactly(slot("2026-12-01T22:00:00Z", "2026-12-01T23:00:00Z"),
				slot("2026-12-01T22:30:00Z", "2026-12-01T23:30:00Z"),
				slot("2026-12-01T23:00:00Z", "2026-12-02T00:00:00Z"));
	}

	@Test
	void theGridFollowsTheBusinessTimeZone() {
		SlotEngine engine = TestRules.defaults()
			.zone("Asia/Kolkata")
			.hours("TUESDAY", "09:00-11:00")
			.engine("2026-11-30T00:00:00Z");

		assertThat(engine.offered(TUESDAY, TUESDAY, HALF_HOUR, List.of()))
			.containsExactlyElementsOf(run("2026-12-01T03:30:00Z", 4, 30));
	}

}
