package com.acme.booking.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Makes the booking's Google Calendar event match the booking as stored now (create,
 * patch or delete).
 */
@ActivityInterface
public interface CalendarSyncActivities {

	/**
	 * Idempotent: loads the booking and converges the event to it. Throws a non-retryable
	 * {@code ApplicationFailure} for permanent errors (the reason goes to the operator).
	 */
	@ActivityMethod(name = "SyncCalendar")
	SyncResult syncCalendar(String bookingId);

	/**
	 * The same sync as one single attempt: the workflow's background try of a flag raised
	 * by a transient failure (an outage), every
	 * {@code booking.sync.retry.background-interval}. Its own activity type, so that its
	 * options ({@link SyncRetrySettings#BACKGROUND_ACTIVITIES}) allow no retry.
	 */
	@ActivityMethod(name = "SyncCalendarInBackground")
	SyncResult syncCalendarInBackground(String bookingId);

}
