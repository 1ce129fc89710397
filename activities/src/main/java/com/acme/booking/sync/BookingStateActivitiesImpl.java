package com.acme.booking.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.message.BookingMessages;
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

	private final BookingMessages messages;

	private final long backgroundRetryMillis;

	private final Duration reminderBefore;

	private final Clock clock;

	public BookingStateActivitiesImpl(BookingRepository bookings, BookingMessages messages, SyncProperties properties,
			@Value("${booking.mail.reminder-before:24h}") Duration reminderBefore, Clock clock) {
		this.bookings = bookings;
		this.messages = messages;
		this.backgroundRetryMillis = properties.retry().backgroundInterval().toMillis();
		this.reminderBefore = reminderBefore;
		this.clock = clock;
	}

	@Override
	public BookingSnapshot load(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		long holdUntil = booking.unconfirmedHold() ? booking.holdExpiresAt().toEpochMilli() : 0;
		return new BookingSnapshot(booking.revision(), booking.isCancelled(), booking.endTime().toEpochMilli(),
				backgroundRetryMillis, reminderAt(booking), holdUntil, booking.startTime().toEpochMilli(),
				booking.calendarDrift() != null);
	}

	/**
	 * When the reminder of the booking's appointment is due, from the setting as it is
	 * now; 0 when none is: reminders off, a cancelled booking or an unconfirmed hold, an
	 * appointment booked or moved closer than {@code reminder-before}, or its reminder
	 * already sent (or recorded). A reminder that failed, or whose outcome is unknown, is
	 * still due.
	 */
	private long reminderAt(Booking booking) {
		if (reminderBefore.isZero() || booking.isCancelled() || booking.unconfirmedHold()) {
			return 0;
		}
		Instant reminderAt = booking.startTime().minus(reminderBefore);
		if (!bookings.startSetAt(booking.id()).isBefore(reminderAt)
				|| messages.reminderSent(booking.id(), booking.startTime())) {
			return 0;
		}
		return reminderAt.toEpochMilli();
	}

	@Override
	public boolean expireHold(String bookingId) {
		return bookings.expireHold(UUID.fromString(bookingId), clock.instant());
	}

	@Override
	public boolean recordResult(String bookingId, Integration integration, SyncResult result) {
		return bookings.recordSynced(UUID.fromString(bookingId), integration, result.revision(), result.externalId(),
				result.state() == SyncState.SYNCED);
	}

	@Override
	public boolean flagManualSync(String bookingId, Integration integration, String reason) {
		return bookings.flagManualSync(UUID.fromString(bookingId), integration, reason);
	}

}
