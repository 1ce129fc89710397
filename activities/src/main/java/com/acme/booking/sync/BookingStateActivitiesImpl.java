package com.acme.booking.sync;

import java.time.Duration;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.workflow.BookingSnapshot;
import com.acme.booking.workflow.BookingStateActivities;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.Integration;
import com.acme.booking.workflow.SyncResult;
import com.acme.booking.workflow.SyncState;
import io.temporal.spring.boot.ActivityImpl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The workflow's bookkeeping in PostgreSQL. */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class BookingStateActivitiesImpl implements BookingStateActivities {

	private final BookingRepository bookings;

	private final long backgroundRetryMillis;

	private final Duration reminderBefore;

	public BookingStateActivitiesImpl(BookingRepository bookings, SyncProperties properties,
			@Value("${booking.mail.reminder-before:24h}") Duration reminderBefore) {
		this.bookings = bookings;
		this.backgroundRetryMillis = properties.retry().backgroundInterval().toMillis();
		this.reminderBefore = reminderBefore;
	}

	@Override
	public BookingSnapshot load(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		long reminderAt = reminderBefore.isZero() ? 0 : booking.startTime().minus(reminderBefore).toEpochMilli();
		return new BookingSnapshot(booking.revision(), booking.isCancelled(), booking.endTime().toEpochMilli(),
				backgroundRetryMillis, reminderAt);
	}

	@Override
	public void recordResult(String bookingId, Integration integration, SyncResult result) {
		bookings.recordSynced(UUID.fromString(bookingId), SyncSupport.core(integration), result.revision(),
				result.externalId(), result.state() == SyncState.SYNCED);
	}

	@Override
	public void flagManualSync(String bookingId, Integration integration, String reason) {
		bookings.flagManualSync(UUID.fromString(bookingId), SyncSupport.core(integration), reason);
	}

}
