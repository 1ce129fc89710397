package com.acme.booking.crm;

import com.acme.booking.booking.Booking;
import com.acme.booking.booking.BookingRepository;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.CrmSyncActivities;
import com.acme.booking.workflow.SyncResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** CRM sync activity. */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
@EnableConfigurationProperties(CrmProperties.class)
public class CrmSyncActivitiesImpl implements CrmSyncActivities {

	private final BookingRepository bookings;

	private final CrmProperties properties;

	public CrmSyncActivitiesImpl(BookingRepository bookings, CrmProperties properties) {
		this.bookings = bookings;
		this.properties = properties;
	}

	@Override
	public SyncResult syncCrm(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (!properties.enabled()) {
			return SyncResult.disabled(booking.revision());
		}
		throw ApplicationFailure.newNonRetryableFailure("HubSpot client is not built yet", "NotImplemented");
	}

}
