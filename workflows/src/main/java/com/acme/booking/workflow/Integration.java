package com.acme.booking.workflow;

/**
 * The outside systems a booking is pushed to (MAIL: the customer's email) (mirrors the
 * core enum; workflows depend on nothing but Temporal).
 */
public enum Integration {

	CALENDAR, CRM, MAIL

}
