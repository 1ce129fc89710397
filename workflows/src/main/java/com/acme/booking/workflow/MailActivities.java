package com.acme.booking.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The customer's emails. Each is recorded in PostgreSQL before it is sent, so a retried
 * attempt never sends twice.
 */
@ActivityInterface
public interface MailActivities {

	/**
	 * Sends (or, mail disabled, records) the message for the booking as it is now:
	 * confirmation, update or cancellation, at most once per revision. A change that
	 * superseded a pending message sends only the newest state.
	 */
	@ActivityMethod(name = "SendBookingMail")
	SyncResult sendBookingMail(String bookingId);

	/**
	 * Sends the reminder of the appointment at {@code startEpochMillis}, at most once
	 * however often the booking's details change; does nothing if the booking was
	 * cancelled or moved to another time meanwhile (the workflow plans the new one), the
	 * appointment has already started, or reminders are off.
	 */
	@ActivityMethod(name = "SendReminder")
	void sendReminder(String bookingId, long startEpochMillis);

}
