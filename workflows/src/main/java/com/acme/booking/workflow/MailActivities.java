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
	 * Sends the reminder planned for {@code reminderAtEpochMillis}; does nothing if the
	 * booking was cancelled or moved meanwhile (the workflow plans the new one) or the
	 * appointment has already started.
	 */
	@ActivityMethod(name = "SendReminder")
	void sendReminder(String bookingId, long reminderAtEpochMillis);

}
