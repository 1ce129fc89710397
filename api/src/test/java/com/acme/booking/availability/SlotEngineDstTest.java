package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.acme.booking.availability.TestRules.concat;
import static com.acme.booking.availability.TestRules.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every day is open {@code 00:00-03:00,09:00-11:00}: the night range spans each zone's
 * daylight-saving change, the morning range shows the days keep their local times.
 * Expected lists are written in UTC.
 */
class SlotEngineDstTest {

	private static final String HOURS = "00:00-03:00,09:00-11:00";

	private static final String NOW = "2026-01-01T00:00:00Z";

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Test
	void newYorkSpringForwardHasNoSlotInTheMissingHour() {
		List<Interval> slots = offered("America/New_York", "2026-03-07", "2026-03-09");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-03-07T05:00:00Z", 6, 30), run("2026-03-07T14:00:00Z", 4, 30),
					run("2026-03-08T05:00:00Z", 4, 30), run("2026-03-08T13:00:00Z", 4, 30),
					run("2026-03-09T04:00:00Z", 6, 30), run("2026-03-09T13:00:00Z", 4, 30)));
		assertThat(localTimes(slots, "America/New_York", "2026-03-08")).containsExactly("00:00-05:00", "00:30-05:00",
				"01:00-05:00", "01:30-05:00", "09:00-04:00", "09:30-04:00", "10:00-04:00", "10:30-04:00");
	}

	@Test
	void newYorkFallBackKeepsBothRepeatedHalfHours() {
		List<Interval> slots = offered("America/New_York", "2026-10-31", "2026-11-02");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-10-31T04:00:00Z", 6, 30), run("2026-10-31T13:00:00Z", 4, 30),
					run("2026-11-01T04:00:00Z", 8, 30), run("2026-11-01T14:00:00Z", 4, 30),
					run("2026-11-02T05:00:00Z", 6, 30), run("2026-11-02T14:00:00Z", 4, 30)));
		assertThat(localTimes(slots, "America/New_York", "2026-11-01")).containsExactly("00:00-04:00", "00:30-04:00",
				"01:00-04:00", "01:30-04:00", "01:00-05:00", "01:30-05:00", "02:00-05:00", "02:30-05:00", "09:00-05:00",
				"09:30-05:00", "10:00-05:00", "10:30-05:00");
	}

	@Test
	void londonSpringForwardSkipsOneToTwo() {
		List<Interval> slots = offered("Europe/London", "2026-03-28", "2026-03-30");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-03-28T00:00:00Z", 6, 30), run("2026-03-28T09:00:00Z", 4, 30),
					run("2026-03-29T00:00:00Z", 4, 30), run("2026-03-29T08:00:00Z", 4, 30),
					run("2026-03-29T23:00:00Z", 6, 30), run("2026-03-30T08:00:00Z", 4, 30)));
		assertThat(localTimes(slots, "Europe/London", "2026-03-29")).containsExactly("00:00Z", "00:30Z", "02:00+01:00",
				"02:30+01:00", "09:00+01:00", "09:30+01:00", "10:00+01:00", "10:30+01:00");
	}

	@Test
	void londonFallBackKeepsBothRepeatedHalfHours() {
		List<Interval> slots = offered("Europe/London", "2026-10-24", "2026-10-26");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-10-23T23:00:00Z", 6, 30), run("2026-10-24T08:00:00Z", 4, 30),
					run("2026-10-24T23:00:00Z", 8, 30), run("2026-10-25T09:00:00Z", 4, 30),
					run("2026-10-26T00:00:00Z", 6, 30), run("2026-10-26T09:00:00Z", 4, 30)));
	}

	@Test
	void lordHoweHalfHourFallBackRepeatsOnlyHalfAnHour() {
		List<Interval> slots = offered("Australia/Lord_Howe", "2026-04-04", "2026-04-06");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-04-03T13:00:00Z", 6, 30), run("2026-04-03T22:00:00Z", 4, 30),
					run("2026-04-04T13:00:00Z", 7, 30), run("2026-04-04T22:30:00Z", 4, 30),
					run("2026-04-05T13:30:00Z", 6, 30), run("2026-04-05T22:30:00Z", 4, 30)));
		assertThat(localTimes(slots, "Australia/Lord_Howe", "2026-04-05")).containsExactly("00:00+11:00", "00:30+11:00",
				"01:00+11:00", "01:30+11:00", "01:30+10:30", "02:00+10:30", "02:30+10:30", "09:00+10:30", "09:30+10:30",
				"10:00+10:30", "10:30+10:30");
	}

	@Test
	void lordHoweHalfHourSpringForwardSkipsTwoToHalfPast() {
		List<Interval> slots = offered("Australia/Lord_Howe", "2026-10-03", "2026-10-05");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-10-02T13:30:00Z", 6, 30), run("2026-10-02T22:30:00Z", 4, 30),
					run("2026-10-03T13:30:00Z", 5, 30), run("2026-10-03T22:00:00Z", 4, 30),
					run("2026-10-04T13:00:00Z", 6, 30), run("2026-10-04T22:00:00Z", 4, 30)));
		assertThat(localTimes(slots, "Australia/Lord_Howe", "2026-10-04")).containsExactly("00:00+10:30", "00:30+10:30",
				"01:00+10:30", "01:30+10:30", "02:30+11:00", "09:00+11:00", "09:30+11:00", "10:00+11:00",
				"10:30+11:00");
	}

	@Test
	void kolkataHalfHourOffsetIsTheSameEveryDayWhileEuropeChanges() {
		List<Interval> slots = offered("Asia/Kolkata", "2026-03-28", "2026-03-30");

		assertThat(slots)
			.containsExactlyElementsOf(concat(run("2026-03-27T18:30:00Z", 6, 30), run("2026-03-28T03:30:00Z", 4, 30),
					run("2026-03-28T18:30:00Z", 6, 30), run("2026-03-29T03:30:00Z", 4, 30),
					run("2026-03-29T18:30:00Z", 6, 30), run("2026-03-30T03:30:00Z", 4, 30)));
	}

	@Test
	void aRangeStartingInTheSpringForwardGapStartsWhenTheGapEnds() {
		SlotEngine engine = TestRules.defaults()
			.zone("America/New_York")
			.hours("SUNDAY", "02:30-04:00")
			.buffer(Duration.ZERO)
			.minNotice(Duration.ZERO)
			.maxAdvance(Duration.ofDays(3650))
			.engine(NOW);

		assertThat(engine.offered(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-08"), HALF_HOUR, List.of()))
			.containsExactlyElementsOf(run("2026-03-08T07:30:00Z", 1, 30));
	}

	@Test
	void rangesMeetingAcrossTheGapOfferEachStartOnce() {
		SlotEngine engine = TestRules.defaults()
			.zone("America/New_York")
			.hours("SUNDAY", "01:00-02:45,03:00-04:00")
			.buffer(Duration.ZERO)
			.minNotice(Duration.ZERO)
			.maxAdvance(Duration.ofDays(3650))
			.engine(NOW);

		assertThat(engine.offered(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-08"), HALF_HOUR, List.of()))
			.containsExactlyElementsOf(run("2026-03-08T06:00:00Z", 4, 30));
	}

	@Test
	void aBookingMayTakeExactlyTheOfferedSlotsAcrossEachChange() {
		String[][] days = { { "America/New_York", "2026-03-07" }, { "America/New_York", "2026-10-31" },
				{ "Europe/London", "2026-03-28" }, { "Europe/London", "2026-10-24" },
				{ "Australia/Lord_Howe", "2026-04-04" }, { "Australia/Lord_Howe", "2026-10-03" },
				{ "Asia/Kolkata", "2026-03-28" } };
		for (String[] day : days) {
			SlotEngine engine = engine(day[0]);
			LocalDate first = LocalDate.parse(day[1]);
			List<Interval> offered = engine.offered(first, first.plusDays(2), HALF_HOUR, List.of());
			Instant start = first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			for (Instant t = start; t.isBefore(start.plus(Duration.ofDays(5))); t = t.plus(Duration.ofMinutes(5))) {
				Interval slot = new Interval(t, t.plus(HALF_HOUR));
				LocalDate date = engine.dateOf(t);
				if (date.isBefore(first) || date.isAfter(first.plusDays(2))) {
					continue;
				}
				if (offered.contains(slot)) {
					engine.requireOffered(slot);
				}
				else {
					assertThatThrownBy(() -> engine.requireOffered(slot)).as(day[0] + " " + t)
						.isInstanceOf(SlotNotOffered.class);
				}
			}
		}
	}

	private static List<Interval> offered(String zone, String from, String to) {
		return engine(zone).offered(LocalDate.parse(from), LocalDate.parse(to), HALF_HOUR, List.of());
	}

	private static SlotEngine engine(String zone) {
		return TestRules.defaults()
			.zone(zone)
			.everyDay(HOURS)
			.buffer(Duration.ZERO)
			.minNotice(Duration.ZERO)
			.maxAdvance(Duration.ofDays(3650))
			.engine(NOW);
	}

	/**
	 * The slots starting on {@code date} as local start time and offset, to read the test
	 * against a wall clock.
	 */
	private static List<String> localTimes(List<Interval> slots, String zone, String date) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mmxxx");
		return slots.stream()
			.map(slot -> slot.start().atZone(ZoneId.of(zone)))
			.filter(local -> local.toLocalDate().equals(LocalDate.parse(date)))
			.map(local -> local.format(format).replace("+00:00", "Z"))
			.toList();
	}

}
