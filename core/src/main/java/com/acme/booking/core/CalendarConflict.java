package com.acme.booking.core;

import java.time.Instant;

/**
 * A busy period {@code [start, end)} of the business's own calendar that a booking
 * overlaps.
 */
public record CalendarConflict(Instant start, Instant end) {
}
