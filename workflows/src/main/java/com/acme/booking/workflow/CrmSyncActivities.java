package com.acme.booking.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Makes the booking's HubSpot contact (and its meeting) match the booking as stored now.
 */
@ActivityInterface
public interface CrmSyncActivities extends IntegrationActivities {

	@Override
	@ActivityMethod(name = "SyncCrm")
	SyncResult sync(String bookingId);

	@Override
	@ActivityMethod(name = "SyncCrmInBackground")
	SyncResult syncInBackground(String bookingId);

}
