package com.acme.booking.workflow;

/**
 * The outside systems a booking is pushed to (MAIL: the customer's email). The one list
 * of them: the workflow's tracks, the sync state in PostgreSQL ({@code booking_sync}),
 * the reconciler, bulk retry and the gauges all go over its values.
 */
public enum Integration {

	CALENDAR, CRM, MAIL

}
