package com.acme.booking.workflow;

/**
 * The little the workflow needs to know of a booking to plan: no personal data.
 *
 * @param revision bumped by every change
 * @param cancelled whether the booking is cancelled
 * @param endEpochMillis when the appointment ends
 * @param reminderAtEpochMillis when the reminder email is due ({@code booking.mail.reminder-before} before the
 * start), 0 for none
 */
public record BookingSnapshot(long revision, boolean cancelled, long endEpochMillis, long reminderAtEpochMillis) {

	/** A snapshot without a reminder. */
	public BookingSnapshot(long revision, boolean cancelled, long endEpochMillis) {
		this(revision, cancelled, endEpochMillis, 0);
	}

}
