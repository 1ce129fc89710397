package com.acme.booking.calendar;

/**
 * The business calendar could not be read (busy times), for whatever reason; the message
 * says why, no secrets.
 */
public class CalendarUnavailable extends RuntimeException {

	CalendarUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
