package com.acme.booking.calendar;

import com.acme.booking.booking.Booking;
import com.acme.booking.booking.BookingRepository;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.CalendarSyncActivities;
import com.acme.booking.workflow.SyncResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Calendar sync activity: loads the booking as it is now and makes its Google event match. Transient errors are
 * retried by Temporal (honouring Retry-After); permanent ones fail without retry and flag the booking.
 */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarSyncActivitiesImpl implements CalendarSyncActivities {

	private final BookingRepository bookings;

	private final CalendarProperties properties;

	private final ObjectProvider<EventSync> eventSync;

	private final ObjectProvider<CalendarFailures> failures;

	CalendarSyncActivitiesImpl(BookingRepository bookings, CalendarProperties properties,
			ObjectProvider<EventSync> eventSync, ObjectProvider<CalendarFailures> failures) {
		this.bookings = bookings;
		this.properties = properties;
		this.eventSync = eventSync;
		this.failures = failures;
	}

	@Override
	public SyncResult syncCalendar(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (!properties.enabled()) {
			return SyncResult.disabled(booking.revision());
		}
		try {
			return SyncResult.synced(booking.revision(), eventSync.getObject().converge(booking));
		}
		catch (Exception ex) {
			RuntimeException failure = failures.getObject().toFailure(ex);
			if (failure instanceof ApplicationFailure app && !app.isNonRetryable()) {
				SyncSupport.reportCancellationIfRequested();
			}
			throw failure;
		}
	}

}
