package com.acme.booking.core;

import java.time.Instant;

/**
 * A change to an existing booking; a null field is left as it is, an empty company, phone
 * or inquiry clears it.
 */
public record BookingChange(Instant startTime, Instant endTime, String name, String company, String phone,
		String inquiry) {

	public boolean moves() {
		return startTime != null;
	}

}
