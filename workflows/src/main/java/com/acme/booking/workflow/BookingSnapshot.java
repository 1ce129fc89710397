package com.acme.booking.workflow;

/**
 * The little the workflow needs to know of a booking to plan: no personal data.
 *
 * @param revision bumped by every change
 * @param cancelled whether the booking is cancelled
 * @param endEpochMillis when the appointment ends
 * @param backgroundRetryMillis how long a flag raised by a transient failure waits before the workflow tries again on
 * its own ({@code booking.sync.retry.background-interval}); 0 never. Delivered with the booking so that the workflow
 * reads configuration only through an activity (deterministic on replay).
 */
public record BookingSnapshot(long revision, boolean cancelled, long endEpochMillis, long backgroundRetryMillis) {
}
