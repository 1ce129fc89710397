package com.acme.booking.booking;

/** The outside systems a booking is pushed to. */
public enum Integration {
	CALENDAR, CRM
}
