package com.acme.booking.workflow;

import java.time.Instant;

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
				WorkflowTestSupport.BACKGROUND_INTERVAL.toMillis(), reminderAt(booking),
				booking.holdUntil() == null ? 0 : booking.holdUntil().toEpochMilli(), booking.start().toEpochMilli());
	}

	/**
	 * As in PostgreSQL: none for a cancelled booking or a hold, an appointment booked or
	 * moved closer than reminder-before, or a reminder sent already.
	 */
	private long reminderAt(FakeBookingDatabase.Booking booking) {
		Instant reminderAt = booking.start().minus(WorkflowTestSupport.REMINDER_BEFORE);
		if (booking.cancelled() || booking.pendingVerification()
				|| !database.startSetAt(booking.id()).isBefore(reminderAt)
				|| database.reminderSent(booking.id(), booking.start())) {
			return 0;
		}
		return reminderAt.toEpochMilli();
	}

	@Override
	public boolean expireHold(String bookingId) {
		return database.expireHold(bookingId);
	}

	@Override
	public boolean recordResult(String bookingId, Integration integration, SyncResult result) {
		return database.recordSynced(bookingId, integration, result.revision(), result.externalId(),
				result.state() == SyncState.SYNCED);
	}

	@Override
	public boolean flagManualSync(String bookingId, Integration integration, String reason) {
		return database.flagManualSync(bookingId, integration, reason);
	}

}
