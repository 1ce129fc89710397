package com.acme.booking.core;

/** The outside systems a booking is pushed to. */
public enum Integration {
	CALENDAR, CRM
}
