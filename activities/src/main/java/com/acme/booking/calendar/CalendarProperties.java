package com.acme.booking.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google Calendar integration ({@code booking.calendar.*}).
 *
 * @param enabled whether bookings are pushed to Google Calendar and its busy times read
 * @param calendarId the business calendar, shared with the service account
 * @param serviceAccountFile path of the service account's JSON key; its {@code token_uri} is honoured
 * @param rootUrl root URL of the Calendar API, for proxies and test servers
 */
@ConfigurationProperties("booking.calendar")
public record CalendarProperties(@DefaultValue("false") boolean enabled, String calendarId, String serviceAccountFile,
		@DefaultValue("https://www.googleapis.com/") String rootUrl) {
}
