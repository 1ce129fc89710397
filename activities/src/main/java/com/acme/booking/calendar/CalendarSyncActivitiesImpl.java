package com.acme.booking.calendar;

import com.acme.booking.booking.Booking;
import com.acme.booking.booking.BookingRepository;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.CalendarSyncActivities;
import com.acme.booking.workflow.SyncResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Calendar sync activity. */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarSyncActivitiesImpl implements CalendarSyncActivities {

	private final BookingRepository bookings;

	private final CalendarProperties properties;

	public CalendarSyncActivitiesImpl(BookingRepository bookings, CalendarProperties properties) {
		this.bookings = bookings;
		this.properties = properties;
	}

	@Override
	public SyncResult syncCalendar(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (!properties.enabled()) {
			return SyncResult.disabled(booking.revision());
		}
		throw ApplicationFailure.newNonRetryableFailure("Google Calendar client is not built yet", "NotImplemented");
	}

}
