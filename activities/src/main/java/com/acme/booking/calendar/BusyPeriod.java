package com.acme.booking.calendar;

import java.time.Instant;

/** A time the business calendar is busy, {@code [start, end)}. */
public record BusyPeriod(Instant start, Instant end) {
}
