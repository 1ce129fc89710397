package com.acme.booking.core;

import java.time.Duration;

/**
 * At most {@code maxBookings} non-cancelled bookings created per email address within
 * {@code window}.
 */
public record FrequencyLimit(int maxBookings, Duration window) {
}
