package com.acme.booking.sync;

import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.workflow.Integration;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/** Small helpers shared by the activities. */
public final class SyncSupport {

	private SyncSupport() {
	}

	/** Loads the booking as it is now; a missing booking is a permanent failure. */
	public static Booking load(BookingRepository bookings, String bookingId) {
		return bookings.findById(UUID.fromString(bookingId))
			.orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("Booking " + bookingId + " does not exist",
					"BookingNotFound"));
	}

	/**
	 * Call before throwing a retryable failure. A change to the booking cancels the attempt under way; if it arrived
	 * while the outside system was answering, this reports the cancellation instead (the heartbeat throws
	 * {@code ActivityCanceledException}), so no retry of stale work is scheduled and the workflow's next pass pushes
	 * the new state. The first heartbeat of an attempt is sent at once. It also keeps the in-process Temporal
	 * server, which cannot retry an activity whose cancellation was requested, from hanging the workflow.
	 */
	public static void reportCancellationIfRequested() {
		Activity.getExecutionContext().heartbeat(null);
	}

	static com.acme.booking.core.Integration core(Integration integration) {
		return com.acme.booking.core.Integration.valueOf(integration.name());
	}

}
