package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open span of time {@code [start, end)} in UTC: an offered slot, a booking or a
 * busy period.
 */
record Interval(Instant start, Instant end) {

	public Interval {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("An interval must end after it starts: " + start + " - " + end);
		}
	}

	/** True when the two share some time; intervals that only touch do not overlap. */
	boolean overlaps(Interval other) {
		return start.isBefore(other.end) && other.start.isBefore(end);
	}

	/** This interval grown by {@code margin} on both sides. */
	Interval widen(Duration margin) {
		return new Interval(start.minus(margin), end.plus(margin));
	}

	Duration duration() {
		return Duration.between(start, end);
	}

}
