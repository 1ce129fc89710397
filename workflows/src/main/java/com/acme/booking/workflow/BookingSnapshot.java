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
 * ({@code booking.mail.reminder-before}, as set now, before the start); 0 when none is
 * due: reminders off, a cancelled booking or an unconfirmed hold, an appointment booked
 * or moved closer than that, or its reminder already sent. A fact of PostgreSQL, so a new
 * run past that time sends a reminder not sent yet, once.
 * @param holdUntilEpochMillis for a hold the customer has not confirmed (pending, or
 * ended unconfirmed when {@code cancelled}), when the hold expires; 0 for a booking that
 * is (or was) confirmed. Nothing is pushed or mailed (but the verification email) for
 * such a hold.
 * @param startEpochMillis when the appointment starts: the reminder is the reminder of
 * that time
 * @param calendarDrift the owner's move or delete of the booking's event in Google waits
 * for an operator
 */
public record BookingSnapshot(long revision, boolean cancelled, long endEpochMillis, long backgroundRetryMillis,
		long reminderAtEpochMillis, long holdUntilEpochMillis, long startEpochMillis, boolean calendarDrift) {

	public BookingSnapshot(long revision, boolean cancelled, long endEpochMillis, long backgroundRetryMillis,
			long reminderAtEpochMillis, long holdUntilEpochMillis, long startEpochMillis) {
		this(revision, cancelled, endEpochMillis, backgroundRetryMillis, reminderAtEpochMillis, holdUntilEpochMillis,
				startEpochMillis, false);
	}

	/** A hold the customer has not confirmed (pending, or ended unconfirmed). */
	public boolean unconfirmedHold() {
		return holdUntilEpochMillis > 0;
	}

}
