package com.acme.booking.availability;

/**
 * Published after a booking was created, moved or cancelled and committed: cached slot
 * lists are stale.
 */
public record BookingsChanged(String bookingId) {
}
