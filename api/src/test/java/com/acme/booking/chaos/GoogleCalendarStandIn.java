package com.acme.booking.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Request;
import tools.jackson.databind.JsonNode;

/**
 * Google Calendar v3 as the booking service uses it (token endpoint, events insert /
 * patch / delete with client-chosen ids, events.list in a window or since a sync token,
 * free/busy), keeping the events it was sent. Like Google, a deleted event keeps its id:
 * inserting it again is 409 {@code duplicate}, deleting it again is 410, reading it shows
 * it {@code cancelled}; every write changes the etag, and a patch whose {@code If-Match}
 * is not the current etag is 412.
 */
final class GoogleCalendarStandIn extends StandIn {

	static final String CALENDAR_ID = "chaos@group.calendar.google.com";

	private static final String EVENTS = "/calendar/v3/calendars/" + CALENDAR_ID + "/events";

	/** One calendar event as Google holds it. */
	static final class Event {

		final String id;

		final String bookingId;

		String summary;

		Instant start;

		Instant end;

		String status;

		/** The change count when it last changed, for lists since a sync token. */
		long changed;

		Event(String id, String bookingId) {
			this.id = id;
			this.bookingId = bookingId;
		}

	}

	final Map<String, Event> events = new ConcurrentHashMap<>();

	/** Every write counts one; a sync token is the count it was handed out at. */
	private long changes;

	GoogleCalendarStandIn(ChaosPlan plan, Duration readTimeout, Duration latency) {
		super(plan, readTimeout, latency);
	}

	@Override
	String faultKey(Request request, String path) {
		if (path.equals("/token")) {
			return null;
		}
		if (path.equals(EVENTS)) {
			if (!method(request).equals("GET")) {
				return "insert " + customer(request.getBodyAsString(), "?");
			}
			return request.queryParameter("syncToken").isPresent() ? "list changes"
					: "list " + request.queryParameter("timeMin").firstValue();
		}
		if (path.startsWith(EVENTS + "/")) {
			Event event = events.get(path.substring(EVENTS.length() + 1));
			return "event " + (event == null ? path : customer(event.summary, path));
		}
		if (path.equals("/calendar/v3/freeBusy")) {
			return "freebusy " + body(request).path("timeMin").asString();
		}
		return path;
	}

	@Override
	ResponseDefinitionBuilder answer(Request request, String path) {
		String method = method(request);
		if (path.equals("/token")) {
			return json(200, Map.of("access_token", "ya29.chaos", "expires_in", 3599, "token_type", "Bearer"));
		}
		if (path.equals("/calendar/v3/freeBusy")) {
			return freeBusy(body(request));
		}
		if (path.equals(EVENTS) && method.equals("POST")) {
			return insert(body(request));
		}
		if (path.equals(EVENTS) && method.equals("GET")) {
			return list(request);
		}
		if (path.startsWith(EVENTS + "/")) {
			Event event = events.get(path.substring(EVENTS.length() + 1));
			if (event == null) {
				return error(404, "notFound", "Not Found");
			}
			if (method.equals("DELETE")) {
				if ("cancelled".equals(event.status)) {
					return error(410, "deleted", "Resource has been deleted");
				}
				event.status = "cancelled";
				event.changed = ++changes;
				return WireMock.aResponse().withStatus(204);
			}
			if (method.equals("GET")) {
				return json(200, view(event));
			}
			if (method.equals("PATCH")) {
				String ifMatch = request.getHeader("If-Match");
				if (ifMatch != null && !ifMatch.equals(etag(event))) {
					return error(412, "conditionNotMet", "Precondition Failed");
				}
				apply(event, body(request));
				event.changed = ++changes;
				return json(200, view(event));
			}
		}
		if (path.equals("/calendar/v3/calendars/" + CALENDAR_ID)) {
			return json(200, Map.of("kind", "calendar#calendar", "id", CALENDAR_ID, "timeZone", "UTC"));
		}
		return error(404, "notFound", "No route " + method + " " + path);
	}

	private ResponseDefinitionBuilder insert(JsonNode body) {
		String id = body.path("id").asString();
		if (events.containsKey(id)) {
			return error(409, "duplicate", "The requested identifier already exists.");
		}
		Event event = new Event(id, body.path("extendedProperties").path("private").path("bookingId").asString());
		apply(event, body);
		event.changed = ++changes;
		events.put(id, event);
		return json(200, view(event));
	}

	/**
	 * {@code events.list} of one page: every event overlapping the window, or (with a
	 * sync token) every event changed since, cancelled ones included; with its private
	 * bookingId property and the next sync token.
	 */
	private ResponseDefinitionBuilder list(Request request) {
		if (request.queryParameter("syncToken").isPresent()) {
			String token = request.queryParameter("syncToken").firstValue();
			if (!token.matches("s\\d+")) {
				return error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
			}
			long since = Long.parseLong(token.substring(1));
			return items(events.values().stream().filter(event -> event.changed > since).toList());
		}
		Instant from = OffsetDateTime.parse(request.queryParameter("timeMin").firstValue()).toInstant();
		Instant to = OffsetDateTime.parse(request.queryParameter("timeMax").firstValue()).toInstant();
		return items(
				events.values().stream().filter(event -> event.start.isBefore(to) && event.end.isAfter(from)).toList());
	}

	private ResponseDefinitionBuilder items(List<Event> listed) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Event event : listed) {
			Map<String, Object> item = view(event);
			item.put("extendedProperties", Map.of("private", Map.of("bookingId", event.bookingId)));
			items.add(item);
		}
		return json(200, Map.of("kind", "calendar#events", "items", items, "nextSyncToken", "s" + changes));
	}

	private static void apply(Event event, JsonNode body) {
		if (body.has("summary")) {
			event.summary = body.path("summary").asString();
		}
		if (body.has("start")) {
			event.start = instant(body.path("start"));
		}
		if (body.has("end")) {
			event.end = instant(body.path("end"));
		}
		if (body.has("status")) {
			event.status = body.path("status").asString();
		}
	}

	private static Instant instant(JsonNode time) {
		return OffsetDateTime.parse(time.path("dateTime").asString()).toInstant();
	}

	private ResponseDefinitionBuilder freeBusy(JsonNode body) {
		Instant from = OffsetDateTime.parse(body.path("timeMin").asString()).toInstant();
		Instant to = OffsetDateTime.parse(body.path("timeMax").asString()).toInstant();
		List<Map<String, String>> busy = new ArrayList<>();
		for (Event event : events.values()) {
			if ("confirmed".equals(event.status) && event.start.isBefore(to) && event.end.isAfter(from)) {
				busy.add(Map.of("start", event.start.toString(), "end", event.end.toString()));
			}
		}
		return json(200, Map.of("kind", "calendar#freeBusy", "timeMin", from.toString(), "timeMax", to.toString(),
				"calendars", Map.of(CALENDAR_ID, Map.of("busy", busy))));
	}

	private static Map<String, Object> view(Event event) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("kind", "calendar#event");
		view.put("id", event.id);
		view.put("etag", etag(event));
		view.put("status", event.status);
		view.put("summary", event.summary);
		view.put("start", Map.of("dateTime", event.start.toString()));
		view.put("end", Map.of("dateTime", event.end.toString()));
		return view;
	}

	/** Every write counts one change, so the count of its last one is its version. */
	private static String etag(Event event) {
		return "\"" + event.changed + "\"";
	}

	private static ResponseDefinitionBuilder error(int code, String reason, String message) {
		return json(code, Map.of("error", Map.of("code", code, "message", message, "errors", List
			.of(Map.of("domain", code == 429 ? "usageLimits" : "global", "reason", reason, "message", message)))));
	}

	@Override
	ResponseDefinitionBuilder serverError() {
		return error(503, "backendError", "Backend Error");
	}

	@Override
	ResponseDefinitionBuilder rateLimited() {
		return error(429, "rateLimitExceeded", "Rate Limit Exceeded");
	}

}
