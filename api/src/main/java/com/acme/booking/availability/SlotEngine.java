package com.acme.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The slot rules as plain computation: the grid of each day's business hours, taking
 * blocked time out of it, and the booking window around now. Instants come from the
 * zone's rules ({@link java.time.ZonedDateTime}) and steps are taken in real time, so
 * daylight-saving changes neither duplicate nor lose a slot.
 */
@Component
class SlotEngine {

	private final SlotRules rules;

	private final Clock clock;

	SlotEngine(SlotRules rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * Every slot of {@code duration} the business hours of {@code date} hold: from each
	 * range's start, every {@code slot-step} of real time, while the slot ends within the
	 * range. Sorted and unique by start.
	 */
	List<Interval> grid(LocalDate date, Duration duration) {
		TreeMap<Instant, Interval> slots = new TreeMap<>();
		for (OpeningRange range : rules.hours().on(date.getDayOfWeek())) {
			Instant end = range.endOn(date, rules.zone()).toInstant();
			for (Instant start = range.startOn(date, rules.zone()).toInstant(); !start.plus(duration)
				.isAfter(end); start = start.plus(rules.step())) {
				slots.putIfAbsent(start, new Interval(start, start.plus(duration)));
			}
		}
		return List.copyOf(slots.values());
	}

	/**
	 * The candidates (sorted) that overlap no block once each block is widened by the
	 * buffer on both sides.
	 */
	List<Interval> free(List<Interval> candidates, List<Interval> blocks) {
		List<Interval> blocked = merged(blocks);
		List<Interval> free = new ArrayList<>(candidates.size());
		int b = 0;
		for (Interval slot : candidates) {
			while (b < blocked.size() && !blocked.get(b).end().isAfter(slot.start())) {
				b++;
			}
			if (b == blocked.size() || !blocked.get(b).overlaps(slot)) {
				free.add(slot);
			}
		}
		return free;
	}

	private List<Interval> merged(List<Interval> blocks) {
		List<Interval> sorted = blocks.stream()
			.map(block -> block.widen(rules.buffer()))
			.sorted(Comparator.comparing(Interval::start))
			.toList();
		List<Interval> merged = new ArrayList<>();
		for (Interval block : sorted) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !block.start().isAfter(last.end())) {
				if (block.end().isAfter(last.end())) {
					merged.set(merged.size() - 1, new Interval(last.start(), block.end()));
				}
			}
			else {
				merged.add(block);
			}
		}
		return merged;
	}

	/**
	 * The dates of {@code [from, to]} that can hold a slot bookable now (not all past or
	 * beyond max advance).
	 */
	List<LocalDate> bookableDays(LocalDate from, LocalDate to) {
		Instant now = clock.instant();
		LocalDate first = max(from, now.plus(rules.minNotice()).atZone(rules.zone()).toLocalDate());
		LocalDate last = min(to, now.plus(rules.maxAdvance()).atZone(rules.zone()).toLocalDate());
		return first.isAfter(last) ? List.of() : first.datesUntil(last.plusDays(1)).toList();
	}

	/**
	 * The slots that may be booked now: outside the minimum notice and within the maximum
	 * advance.
	 */
	List<Interval> bookableNow(List<Interval> slots) {
		Instant now = clock.instant();
		Instant earliest = now.plus(rules.minNotice());
		Instant latest = now.plus(rules.maxAdvance());
		return slots.stream().filter(s -> !s.start().isBefore(earliest) && !s.start().isAfter(latest)).toList();
	}

	/**
	 * The offered slots of {@code [from, to]}: the grid, less {@code blocks}, bookable
	 * now. Uncached.
	 */
	List<Interval> offered(LocalDate from, LocalDate to, Duration duration, List<Interval> blocks) {
		List<Interval> slots = new ArrayList<>();
		for (LocalDate day : bookableDays(from, to)) {
			slots.addAll(free(grid(day, duration), blocks));
		}
		return bookableNow(slots);
	}

	/**
	 * Accepts exactly the slots the grid offers now, whatever is booked.
	 * @throws SlotNotOffered with the reason a client can act on
	 */
	void requireOffered(Interval requested) {
		Duration duration = requested.duration();
		if (!rules.durationAllowed(duration)) {
			throw new SlotNotOffered("The duration must be between " + rules.minDuration().toMinutes() + " and "
					+ rules.maxDuration().toMinutes() + " minutes");
		}
		Instant now = clock.instant();
		if (requested.start().isBefore(now)) {
			throw new SlotNotOffered("The slot starts in the past");
		}
		if (requested.start().isBefore(now.plus(rules.minNotice()))) {
			throw new SlotNotOffered("The slot starts inside the minimum notice of " + text(rules.minNotice()));
		}
		if (requested.start().isAfter(now.plus(rules.maxAdvance()))) {
			throw new SlotNotOffered("The slot starts more than " + text(rules.maxAdvance()) + " ahead");
		}
		LocalDate date = requested.start().atZone(rules.zone()).toLocalDate();
		if (!onGrid(date, requested)) {
			throw new SlotNotOffered(withinHours(date, requested) ? "The slot is not on the slot grid"
					: "The slot is outside business hours");
		}
	}

	/**
	 * Whether {@link #grid} holds {@code requested}, without building the day's grid: its
	 * start is a whole number of steps from a range's start, and it ends within that
	 * range.
	 */
	private boolean onGrid(LocalDate date, Interval requested) {
		long step = rules.step().toNanos();
		return rules.hours().on(date.getDayOfWeek()).stream().anyMatch(range -> {
			Instant start = range.startOn(date, rules.zone()).toInstant();
			Instant end = range.endOn(date, rules.zone()).toInstant();
			return !requested.start().isBefore(start) && !requested.end().isAfter(end)
					&& Duration.between(start, requested.start()).toNanos() % step == 0;
		});
	}

	private boolean withinHours(LocalDate date, Interval requested) {
		return rules.hours().on(date.getDayOfWeek()).stream().anyMatch(range -> {
			ZonedDateTime start = range.startOn(date, rules.zone());
			ZonedDateTime end = range.endOn(date, rules.zone());
			return !requested.start().isBefore(start.toInstant()) && !requested.end().isAfter(end.toInstant());
		});
	}

	/** The local date a slot belongs to: the business date it starts on. */
	LocalDate dateOf(Instant instant) {
		return instant.atZone(rules.zone()).toLocalDate();
	}

	private static String text(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes > 0 && minutes % (24 * 60) == 0) {
			return minutes / (24 * 60) + " days";
		}
		return minutes > 0 && minutes % 60 == 0 ? minutes / 60 + " hours" : minutes + " minutes";
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
