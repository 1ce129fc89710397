package com.acme.booking.sync;

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

import org.springframework.stereotype.Component;

/** The workflow's bookkeeping in PostgreSQL. */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class BookingStateActivitiesImpl implements BookingStateActivities {

	private final BookingRepository bookings;

	private final long backgroundRetryMillis;

	public BookingStateActivitiesImpl(BookingRepository bookings, SyncProperties properties) {
		this.bookings = bookings;
		this.backgroundRetryMillis = properties.retry().backgroundInterval().toMillis();
	}

	@Override
	public BookingSnapshot load(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		return new BookingSnapshot(booking.revision(), booking.isCancelled(), booking.endTime().toEpochMilli(),
				backgroundRetryMillis);
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
