package com.acme.booking.booking;

import java.time.Instant;

/** A change to an existing booking; a null field is left as it is. */
public record BookingChange(Instant startTime, Instant endTime, String name, String company, String phone,
		String inquiry) {

	public boolean moves() {
		return startTime != null;
	}

}
