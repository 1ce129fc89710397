package com.acme.booking.calendar;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The web link of an event in Google Calendar, as the API's {@code htmlLink} has it:
 * {@code https://www.google.com/calendar/event?eid=} + unpadded Base64 of
 * {@code "<event id> <calendar id>"}. Built from what is stored, so the emails need no
 * call to Google.
 */
public final class GoogleEventLinks {

	private GoogleEventLinks() {
	}

	public static String of(String eventId, String calendarId) {
		String eid = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((eventId + " " + calendarId).getBytes(StandardCharsets.UTF_8));
		return "https://www.google.com/calendar/event?eid=" + eid;
	}

}
