package com.acme.booking.calendar;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.CalendarSyncActivities;
import com.acme.booking.workflow.SyncResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Calendar sync activity: loads the booking as it is now and makes its Google event
 * match. Transient errors are retried by Temporal (honouring Retry-After); permanent ones
 * fail without retry and flag the booking.
 */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarSyncActivitiesImpl implements CalendarSyncActivities {

	private static final Logger log = LoggerFactory.getLogger(CalendarSyncActivitiesImpl.class);

	private final BookingRepository bookings;

	private final CalendarProperties properties;

	private final ObjectProvider<EventSync> eventSync;

	private final ObjectProvider<CalendarFailures> failures;

	private final CalendarConflicts conflicts;

	CalendarSyncActivitiesImpl(BookingRepository bookings, CalendarProperties properties,
			ObjectProvider<EventSync> eventSync, ObjectProvider<CalendarFailures> failures,
			CalendarConflicts conflicts) {
		this.bookings = bookings;
		this.conflicts = conflicts;
		this.properties = properties;
		this.eventSync = eventSync;
		this.failures = failures;
	}

	@Override
	public SyncResult sync(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (!properties.enabled()) {
			return SyncResult.disabled(booking.revision());
		}
		try {
			EventSync.Outcome outcome = SyncSupport.whileHeartbeating(() -> eventSync.getObject().converge(booking));
			conflicts.record(booking, outcome.clash());
			// The event matches the booking now: what the owner had done to it is
			// settled (a move recorded meanwhile is kept).
			bookings.clearCalendarDrift(booking.id(), booking.calendarDrift());
			return SyncResult.synced(booking.revision(), outcome.eventId())
				.withCalendarConflict(outcome.clash() != null);
		}
		catch (Exception ex) {
			RuntimeException failure = failures.getObject().toFailure(ex);
			// Google's exception stays here, in the local log: the failure sent to
			// Temporal does not carry it.
			log.warn("Calendar sync of booking {} failed: {}", bookingId, failure.getMessage(), ex);
			if (failure instanceof ApplicationFailure app && !app.isNonRetryable()) {
				SyncSupport.reportCancellationIfRequested();
			}
			throw failure;
		}
	}

	@Override
	public SyncResult syncInBackground(String bookingId) {
		return sync(bookingId);
	}

}
