package com.acme.booking.core;

/** The outside systems a booking is pushed to; MAIL is the customer's email (SMTP). */
public enum Integration {

	CALENDAR, CRM, MAIL

}
