package com.acme.booking.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.acme.booking.calendar.BusyMirror;
import com.acme.booking.calendar.BusyPeriod;

/**
 * The calendar's busy periods sorted into the business dates whose slots they can block.
 */
final class BusyByDay {

	private BusyByDay() {
	}

	/**
	 * The owner's busy periods of each of {@code days} from the mirror, if it is fresh
	 * and covers them. Bookings' events are not in it: PostgreSQL keeps bookings apart,
	 * so a new booking is checked against the owner's events, as a rescheduled one always
	 * was.
	 */
	static Optional<Map<LocalDate, List<Interval>>> mirrored(BusyMirror mirror, SlotRules rules,
			Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return Optional.empty();
		}
		List<LocalDate> sorted = days.stream().sorted().toList();
		Instant from = rules.window(sorted.get(0)).start();
		Instant to = rules.window(sorted.get(sorted.size() - 1)).end();
		return mirror.besidesBookings(from, to).map(periods -> split(rules, sorted, intervals(periods)));
	}

	/** Sorted by start; empty periods dropped. */
	static List<Interval> intervals(List<BusyPeriod> periods) {
		return periods.stream()
			.filter(p -> p.end().isAfter(p.start()))
			.map(p -> new Interval(p.start(), p.end()))
			.sorted(Comparator.comparing(Interval::start))
			.toList();
	}

	/**
	 * For each of {@code days}, the periods overlapping its window (the date widened by
	 * the buffer).
	 */
	static Map<LocalDate, List<Interval>> split(SlotRules rules, Collection<LocalDate> days, List<Interval> periods) {
		Map<LocalDate, List<Interval>> byDay = new HashMap<>();
		for (LocalDate day : days) {
			Interval window = rules.window(day);
			byDay.put(day, periods.stream().filter(window::overlaps).toList());
		}
		return byDay;
	}

}
