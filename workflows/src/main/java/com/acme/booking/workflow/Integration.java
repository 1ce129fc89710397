package com.acme.booking.workflow;

/** The outside systems a booking is pushed to (mirrors the core enum; workflows depend on nothing but Temporal). */
public enum Integration {
	CALENDAR, CRM
}
