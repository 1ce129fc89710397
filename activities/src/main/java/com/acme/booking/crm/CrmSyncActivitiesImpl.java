package com.acme.booking.crm;

import java.util.concurrent.Callable;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.CrmSyncActivities;
import com.acme.booking.workflow.SyncResult;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * CRM sync activity: makes the customer's HubSpot contact and the booking's meeting match
 * the booking as stored now. Each attempt starts from PostgreSQL, so a retry pushes the
 * latest state and finds the ids earlier attempts stored.
 */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class CrmSyncActivitiesImpl implements CrmSyncActivities {

	private static final Logger log = LoggerFactory.getLogger(CrmSyncActivitiesImpl.class);

	private final BookingRepository bookings;

	private final CrmProperties properties;

	private final CrmSync crm;

	CrmSyncActivitiesImpl(BookingRepository bookings, CrmProperties properties, CrmSync crm) {
		this.bookings = bookings;
		this.properties = properties;
		this.crm = crm;
	}

	@Override
	public SyncResult sync(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (!properties.enabled()) {
			return SyncResult.disabled(booking.revision());
		}
		try {
			return SyncResult.synced(booking.revision(), heartbeating(() -> crm.push(booking)));
		}
		catch (RuntimeException ex) {
			if (ex instanceof HubSpotCallFailed call && call.missingProperty().isPresent()) {
				crm.schema().forget();
			}
			var failure = CrmFailures.classify(ex, properties.hubspot().defaultRateLimitDelay(),
					properties.circuitBreaker().refusedCallRetryDelay());
			log.warn("CRM sync of booking {} failed ({}): {}", bookingId,
					failure.isNonRetryable() ? "permanent" : "will retry", failure.getOriginalMessage());
			if (!failure.isNonRetryable()) {
				SyncSupport.reportCancellationIfRequested();
			}
			throw failure;
		}
	}

	@Override
	public SyncResult syncInBackground(String bookingId) {
		return sync(bookingId);
	}

	/**
	 * {@link SyncSupport#whileHeartbeating}; the CRM sync throws only runtime exceptions.
	 */
	private static String heartbeating(Callable<String> push) {
		try {
			return SyncSupport.whileHeartbeating(push);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
