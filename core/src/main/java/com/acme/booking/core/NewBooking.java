package com.acme.booking.core;

import java.time.Instant;

/** What a customer asks for; validated by the API before it reaches the repository. */
public record NewBooking(String name, String email, String company, String phone, String inquiry, Instant startTime,
		Instant endTime, String timeZone) {
}
