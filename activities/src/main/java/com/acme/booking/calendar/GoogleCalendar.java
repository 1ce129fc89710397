package com.acme.booking.calendar;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.auth.oauth2.GoogleCredentials;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The calls this service makes to the business calendar, each through the circuit
 * breaker. Errors come out as Google's exceptions ({@code GoogleJsonResponseException},
 * {@code IOException}) or, with the circuit open, {@code CallNotPermittedException};
 * {@link CalendarFailures} tells them apart.
 */
class GoogleCalendar {

	private final Calendar api;

	private final GoogleCredentials credentials;

	private final CircuitBreaker circuitBreaker;

	private final CalendarProperties properties;

	GoogleCalendar(Calendar api, GoogleCredentials credentials, CircuitBreaker circuitBreaker,
			CalendarProperties properties) {
		this.api = api;
		this.credentials = credentials;
		this.circuitBreaker = circuitBreaker;
		this.properties = properties;
	}

	Event insert(Event event) throws Exception {
		return guarded(() -> api.events()
			.insert(properties.calendarId(), event)
			.setSendUpdates(properties.sendUpdates().wireValue())
			.execute());
	}

	/**
	 * The event as Google holds it, with its etag; a deleted event comes back with status
	 * {@code cancelled}.
	 */
	Event get(String eventId) throws Exception {
		return guarded(() -> api.events().get(properties.calendarId(), eventId).execute());
	}

	/**
	 * A conditional patch: Google applies it only while the event's etag is still
	 * {@code etag}, and answers 412 otherwise.
	 */
	Event patch(String eventId, Event event, String etag) throws Exception {
		Calendar.Events.Patch request = api.events()
			.patch(properties.calendarId(), eventId, event)
			.setSendUpdates(properties.sendUpdates().wireValue());
		request.setRequestHeaders(new HttpHeaders().setIfMatch(etag));
		return guarded(request::execute);
	}

	void delete(String eventId) throws Exception {
		guarded(() -> api.events()
			.delete(properties.calendarId(), eventId)
			.setSendUpdates(properties.sendUpdates().wireValue())
			.execute());
	}

	/**
	 * One page of the events intersecting {@code [from, to)}, recurring ones expanded
	 * into their instances.
	 */
	Events list(Instant from, Instant to, String pageToken) throws Exception {
		return guarded(() -> api.events()
			.list(properties.calendarId())
			.setTimeMin(new DateTime(Date.from(from)))
			.setTimeMax(new DateTime(Date.from(to)))
			.setSingleEvents(true)
			.setMaxResults(250)
			.setPageToken(pageToken)
			.execute());
	}

	/**
	 * One page of what changed since {@code syncToken} (Google's incremental sync):
	 * deleted events come back with status {@code cancelled}; 410 GONE when the token is
	 * no longer valid. Every parameter but the time window matches {@link #list}, as
	 * Google asks (timeMin and timeMax cannot be combined with a sync token).
	 */
	Events changes(String syncToken, String pageToken) throws Exception {
		return guarded(() -> api.events()
			.list(properties.calendarId())
			.setSyncToken(syncToken)
			.setSingleEvents(true)
			.setMaxResults(250)
			.setPageToken(pageToken)
			.execute());
	}

	FreeBusyResponse freeBusy(FreeBusyRequest request) throws Exception {
		return guarded(() -> api.freebusy().query(request).execute());
	}

	// CHECKSTYLE:OFF: the client, imported, is also named Calendar
	/**
	 * The calendar's metadata, bypassing the circuit breaker: health checks should report
	 * what Google says now, and must not open or close the circuit that bookings depend
	 * on.
	 */
	com.google.api.services.calendar.model.Calendar calendarUnguarded() throws IOException {
		return api.calendars().get(properties.calendarId()).execute();
	}
	// CHECKSTYLE:ON

	/**
	 * Fetches a fresh access token from the key's token endpoint, for the integration
	 * check.
	 */
	void refreshToken() throws IOException {
		credentials.refresh();
	}

	String serviceAccountEmail() {
		return GoogleCalendarFactory.clientEmail(credentials);
	}

	CircuitBreaker circuitBreaker() {
		return circuitBreaker;
	}

	CalendarProperties properties() {
		return properties;
	}

	private <T> T guarded(Callable<T> call) throws Exception {
		return circuitBreaker.executeCallable(call);
	}

}
