package com.acme.booking.workflow;

/**
 * The little the workflow needs to know of a booking to plan: no personal data.
 *
 * @param revision bumped by every change
 * @param cancelled whether the booking is cancelled
 * @param endEpochMillis when the appointment ends
 */
public record BookingSnapshot(long revision, boolean cancelled, long endEpochMillis) {
}
