package com.acme.booking.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting long ranges into free/busy queries and merging the answers. */
class CalendarBusyWindowsTest {

	static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void splitsIntoWindowsOfAtMostTheMaximum() {
		List<BusyPeriod> windows = BusyWindows.split(T0, T0.plus(Duration.ofDays(75)), Duration.ofDays(30));

		assertThat(windows).containsExactly(new BusyPeriod(T0, T0.plus(Duration.ofDays(30))),
				new BusyPeriod(T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(60))),
				new BusyPeriod(T0.plus(Duration.ofDays(60)), T0.plus(Duration.ofDays(75))));
	}

	@Test
	void aShortRangeIsOneWindowAndAnEmptyRangeNone() {
		assertThat(BusyWindows.split(T0, T0.plusSeconds(60), Duration.ofDays(30))).hasSize(1);
		assertThat(BusyWindows.split(T0, T0, Duration.ofDays(30))).isEmpty();
	}

	@Test
	void mergesOverlappingAndTouchingPeriodsAndClipsToTheRange() {
		List<BusyPeriod> merged = BusyWindows.merge(List.of(period(10, 12), period(-2, 1), period(11, 14),
				period(14, 15), period(20, 21), period(20, 20), period(23, 30)), T0, hour(24));

		assertThat(merged).containsExactly(period(0, 1), period(10, 15), period(20, 21), period(23, 24));
	}

	@Test
	void aPeriodInsideAnotherDoesNotShortenIt() {
		assertThat(BusyWindows.merge(List.of(period(1, 10), period(2, 3)), T0, hour(24)))
			.containsExactly(period(1, 10));
	}

	static BusyPeriod period(int fromHour, int toHour) {
		return new BusyPeriod(hour(fromHour), hour(toHour));
	}

	static Instant hour(int hour) {
		return T0.plus(Duration.ofHours(hour));
	}

}
