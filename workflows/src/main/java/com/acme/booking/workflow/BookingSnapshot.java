package com.acme.booking.workflow;

/**
 * The little the workflow needs to know of a booking to plan: no personal data.
 *
 * @param revision bumped by every change
 * @param cancelled whether the booking is cancelled
 * @param endEpochMillis when the appointment ends
 * @param backgroundRetryMillis how long a flag raised by a transient failure waits before
 * the workflow tries again on its own ({@code booking.sync.retry.background-interval}); 0
 * never. Delivered with the booking so that the workflow reads configuration only through
 * an activity (deterministic on replay).
 * @param reminderAtEpochMillis when the reminder email is due
 * ({@code booking.mail.reminder-before} before the start), 0 for none
 * @param holdUntilEpochMillis for a hold the customer has not confirmed (pending, or
 * ended unconfirmed when {@code cancelled}), when the hold expires; 0 for a booking that
 * is (or was) confirmed. Nothing is pushed or mailed (but the verification email) for
 * such a hold.
 */
public record BookingSnapshot(long revision, boolean cancelled, long endEpochMillis, long backgroundRetryMillis,
		long reminderAtEpochMillis, long holdUntilEpochMillis) {

	/** A confirmed (or cancelled) booking, no hold. */
	public BookingSnapshot(long revision, boolean cancelled, long endEpochMillis, long backgroundRetryMillis,
			long reminderAtEpochMillis) {
		this(revision, cancelled, endEpochMillis, backgroundRetryMillis, reminderAtEpochMillis, 0);
	}

	/** A snapshot without background tries or a reminder. */
	public BookingSnapshot(long revision, boolean cancelled, long endEpochMillis) {
		this(revision, cancelled, endEpochMillis, 0, 0);
	}

	/** A hold the customer has not confirmed (pending, or ended unconfirmed). */
	public boolean unconfirmedHold() {
		return holdUntilEpochMillis > 0;
	}

}
