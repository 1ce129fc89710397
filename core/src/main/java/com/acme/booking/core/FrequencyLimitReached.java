package com.acme.booking.core;

/** The email address already has as many bookings in the window as the rules allow. */
public class FrequencyLimitReached extends RuntimeException {

	public FrequencyLimitReached(int limit) {
		super("This email address already has " + limit + " bookings in the allowed period");
	}

}
