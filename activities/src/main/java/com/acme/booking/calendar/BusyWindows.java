package com.acme.booking.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splitting a range into free/busy queries Google accepts, and merging what comes back.
 */
final class BusyWindows {

	/**
	 * Longest range asked in one free/busy query. Google caps the range of a query (the
	 * cap is not documented precisely; ranges of a few weeks are always accepted), so 30
	 * days stays inside it and still covers a whole availability listing
	 * ({@code booking.rules.max-range-days}, 30) in one call.
	 */
	static final Duration MAX_WINDOW = Duration.ofDays(30);

	private BusyWindows() {
	}

	/**
	 * Consecutive {@code [start, end)} windows of at most {@code max} covering
	 * {@code [from, to)}.
	 */
	static List<BusyPeriod> split(Instant from, Instant to, Duration max) {
		List<BusyPeriod> windows = new ArrayList<>();
		for (Instant start = from; start.isBefore(to); start = start.plus(max)) {
			Instant end = start.plus(max);
			windows.add(new BusyPeriod(start, end.isAfter(to) ? to : end));
		}
		return windows;
	}

	/**
	 * Sorted, with overlapping or touching periods joined, clipped to {@code [from, to)}.
	 */
	static List<BusyPeriod> merge(List<BusyPeriod> periods, Instant from, Instant to) {
		List<BusyPeriod> sorted = periods.stream()
			.map(p -> new BusyPeriod(p.start().isBefore(from) ? from : p.start(), p.end().isAfter(to) ? to : p.end()))
			.filter(p -> p.start().isBefore(p.end()))
			.sorted(Comparator.comparing(BusyPeriod::start).thenComparing(BusyPeriod::end))
			.toList();
		List<BusyPeriod> merged = new ArrayList<>();
		for (BusyPeriod period : sorted) {
			BusyPeriod last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !period.start().isAfter(last.end())) {
				if (period.end().isAfter(last.end())) {
					merged.set(merged.size() - 1, new BusyPeriod(last.start(), period.end()));
				}
			}
			else {
				merged.add(period);
			}
		}
		return List.copyOf(merged);
	}

}
