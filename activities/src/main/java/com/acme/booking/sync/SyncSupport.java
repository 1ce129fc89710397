package com.acme.booking.sync;

import java.util.UUID;

import com.acme.booking.booking.Booking;
import com.acme.booking.booking.BookingRepository;
import com.acme.booking.workflow.Integration;
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

	static com.acme.booking.booking.Integration core(Integration integration) {
		return com.acme.booking.booking.Integration.valueOf(integration.name());
	}

}
