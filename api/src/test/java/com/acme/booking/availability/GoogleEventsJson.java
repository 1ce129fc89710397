package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * Google Calendar's {@code events.list} answers and events, as JSON in its wire format.
 */
final class GoogleEventsJson {

	private GoogleEventsJson() {
	}

	/** One page, the last: {@code events} and the token for the next incremental sync. */
	static ResponseDefinitionBuilder list(String nextSyncToken, String... events) {
		return okJson("{\"kind\": \"calendar#events\", \"items\": [" + String.join(",", events)
				+ "], \"nextSyncToken\": \"" + nextSyncToken + "\"}");
	}

	/** A sync token no earlier test handed out. */
	static String token() {
		return "CPDAlvWDx" + UUID.randomUUID().toString().replace("-", "");
	}

	/** An owner's event of 30 minutes. */
	static String event(String id, Instant start) {
		return event(id, start, "");
	}

	/**
	 * An event this service made for a booking: it carries the {@code bookingId} private
	 * property.
	 */
	static String bookingsEvent(String id, Instant start) {
		return event(id, start,
				", \"extendedProperties\": {\"private\": {\"bookingId\": \"" + UUID.randomUUID() + "\"}}");
	}

	/** An event shown as free. */
	static String transparent(String id, Instant start) {
		return event(id, start, ", \"transparency\": \"transparent\"");
	}

	private static String event(String id, Instant start, String extra) {
		return """
				{"kind": "calendar#event", "id": "%s", "status": "confirmed", "start": {"dateTime": "%s"},
				 "end": {"dateTime": "%s"}%s}""".formatted(id, start, start.plus(Duration.ofMinutes(30)), extra);
	}

	static String allDayEvent(String id, String date) {
		return """
				{"kind": "calendar#event", "id": "%s", "status": "confirmed", "start": {"date": "%s"},
				 "end": {"date": "%s"}}""".formatted(id, date, LocalDate.parse(date).plusDays(1));
	}

}
