package com.acme.booking.booking;

import java.time.Instant;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;

/**
 * The answer to a verification: what the verification page shows. The holder of the code
 * is whoever reads the email address, so it carries the appointment and nothing the
 * booker typed.
 */
record VerificationResource(UUID id, BookingStatus status, Instant startTime, Instant endTime, String timeZone) {

	static VerificationResource of(Booking booking) {
		return new VerificationResource(booking.id(), booking.status(), booking.startTime(), booking.endTime(),
				booking.timeZone());
	}

}
