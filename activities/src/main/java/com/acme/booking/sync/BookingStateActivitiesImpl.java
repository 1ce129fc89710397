package com.acme.booking.sync;

import java.time.Clock;
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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The workflow's bookkeeping in PostgreSQL. */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class BookingStateActivitiesImpl implements BookingStateActivities {

	private final BookingRepository bookings;

	private final long backgroundRetryMillis;

	private final Duration reminderBefore;

	private final Clock clock;

	public BookingStateActivitiesImpl(BookingRepository bookings, SyncProperties properties,
			@Value("${booking.mail.reminder-before:24h}") Duration reminderBefore, ObjectProvider<Clock> clock) {
		this.bookings = bookings;
		this.backgroundRetryMillis = properties.retry().backgroundInterval().toMillis();
		this.reminderBefore = reminderBefore;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public BookingSnapshot load(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		long reminderAt = reminderBefore.isZero() ? 0 : booking.startTime().minus(reminderBefore).toEpochMilli();
		long holdUntil = booking.unconfirmedHold() ? booking.holdExpiresAt().toEpochMilli() : 0;
		return new BookingSnapshot(booking.revision(), booking.isCancelled(), booking.endTime().toEpochMilli(),
				backgroundRetryMillis, reminderAt, holdUntil);
	}

	@Override
	public boolean expireHold(String bookingId) {
		return bookings.expireHold(UUID.fromString(bookingId), clock.instant());
	}

	@Override
	public void recordResult(String bookingId, Integration integration, SyncResult result) {
		bookings.recordSynced(UUID.fromString(bookingId), integration, result.revision(), result.externalId(),
				result.state() == SyncState.SYNCED);
	}

	@Override
	public void flagManualSync(String bookingId, Integration integration, String reason) {
		bookings.flagManualSync(UUID.fromString(bookingId), integration, reason);
	}

}
