package com.acme.booking.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The workflow's reads and writes of the booking row in PostgreSQL. */
@ActivityInterface
public interface BookingStateActivities {

	@ActivityMethod(name = "LoadBookingSnapshot")
	BookingSnapshot load(String bookingId);

	/**
	 * Records the ids and synced flags of a finished sync.
	 * @return true when this healed a flag of the integration (a webhook event is owed)
	 */
	@ActivityMethod(name = "RecordSyncResult")
	boolean recordResult(String bookingId, Integration integration, SyncResult result);

	/**
	 * Flags the booking for manual sync with the reason, for the operator.
	 * @return true when the integration was not flagged before (a webhook event is owed)
	 */
	@ActivityMethod(name = "FlagManualSync")
	boolean flagManualSync(String bookingId, Integration integration, String reason);

	/**
	 * Ends a hold the customer did not confirm in time: the booking is cancelled (reason
	 * {@code VERIFICATION_EXPIRED}) and its slot is free. False when it was no longer
	 * pending (confirmed meanwhile).
	 */
	@ActivityMethod(name = "ExpireHold")
	boolean expireHold(String bookingId);

}
