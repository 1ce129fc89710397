package com.acme.booking.workflow;

import io.temporal.failure.ApplicationFailure;

/**
 * The workflow's bookkeeping activities over the fake database, behaving like the
 * PostgreSQL ones.
 */
final class FakeBookingState implements BookingStateActivities {

	private final FakeBookingDatabase database;

	FakeBookingState(FakeBookingDatabase database) {
		this.database = database;
	}

	@Override
	public BookingSnapshot load(String bookingId) {
		if (!database.exists(bookingId)) {
			throw ApplicationFailure.newNonRetryableFailure("Booking " + bookingId + " does not exist",
					"BookingNotFound");
		}
		FakeBookingDatabase.Booking booking = database.booking(bookingId);
		return new BookingSnapshot(booking.revision(), booking.cancelled(), booking.end().toEpochMilli(),
				WorkflowTestSupport.BACKGROUND_INTERVAL.toMillis(),
				booking.start().minus(WorkflowTestSupport.REMINDER_BEFORE).toEpochMilli(),
				booking.holdUntil() == null ? 0 : booking.holdUntil().toEpochMilli());
	}

	@Override
	public boolean expireHold(String bookingId) {
		return database.expireHold(bookingId);
	}

	@Override
	public void recordResult(String bookingId, Integration integration, SyncResult result) {
		database.recordSynced(bookingId, integration, result.revision(), result.externalId(),
				result.state() == SyncState.SYNCED);
	}

	@Override
	public void flagManualSync(String bookingId, Integration integration, String reason) {
		database.flagManualSync(bookingId, integration, reason);
	}

}
