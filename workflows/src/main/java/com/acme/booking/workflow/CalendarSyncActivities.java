package com.acme.booking.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Makes the booking's Google Calendar event match the booking as stored now (create,
 * patch or delete).
 */
@ActivityInterface
public interface CalendarSyncActivities extends IntegrationActivities {

	@Override
	@ActivityMethod(name = "SyncCalendar")
	SyncResult sync(String bookingId);

	@Override
	@ActivityMethod(name = "SyncCalendarInBackground")
	SyncResult syncInBackground(String bookingId);

}
