package com.acme.booking.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Google's events of one calendar as a stateful WireMock answer: an insert under a
 * client-chosen id is refused with 409 {@code duplicate} while the id is taken (deleted
 * events included); get returns a deleted event with status {@code cancelled}; a patch
 * with {@code If-Match} is refused with 412 unless the etag is current; delete marks the
 * event cancelled and keeps its id (deleting it again is 410). Every write gives the
 * event a new etag. {@code events.list} without a sync token lists the live events (no
 * time window: the tests' calendars are small), with one the events changed since,
 * deleted ones included; both end with a {@code nextSyncToken}, and a token handed out
 * before {@link #expireSyncTokens} is answered with 410 GONE.
 */
final class GoogleEventStore implements ResponseDefinitionTransformerV2 {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EVENTS = FakeGoogle.calendarPath() + "/events";

	private final Map<String, ObjectNode> events = new ConcurrentHashMap<>();

	private long version;

	/** Sync tokens up to this one are no longer accepted. */
	private long expiredUpTo;

	/** An id whose next 404 is followed at once by a late insert landing under it. */
	private String landsAfterNotFound;

	@Override
	public String getName() {
		return "google-events";
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	synchronized void clear() {
		events.clear();
		version = 0;
		expiredUpTo = 0;
		landsAfterNotFound = null;
	}

	/**
	 * Right after the next call that finds no event under {@code eventId}, an insert of
	 * another attempt lands there (live, as a late first insert makes it).
	 */
	synchronized void landsAfterNextNotFound(String eventId) {
		landsAfterNotFound = eventId;
	}

	/** The event's status, or null if the id was never taken. */
	String status(String eventId) {
		ObjectNode event = events.get(eventId);
		return event == null ? null : event.path("status").asString();
	}

	Instant start(String eventId) {
		return OffsetDateTime.parse(events.get(eventId).path("start").path("dateTime").asString()).toInstant();
	}

	Instant end(String eventId) {
		return OffsetDateTime.parse(events.get(eventId).path("end").path("dateTime").asString()).toInstant();
	}

	String summary(String eventId) {
		return events.get(eventId).path("summary").asString();
	}

	/** A private extended property of the event, as the service wrote it. */
	String property(String eventId, String name) {
		return events.get(eventId).path("extendedProperties").path("private").path(name).asString(null);
	}

	/** The owner deletes the event in Google Calendar. */
	synchronized void deleteByHand(String eventId) {
		changed(events.get(eventId)).put("status", "cancelled");
	}

	/**
	 * The owner drags the event to another time in Google Calendar: its private
	 * properties stay.
	 */
	synchronized void moveByHand(String eventId, Instant start, Instant end) {
		ObjectNode event = changed(events.get(eventId));
		event.putObject("start").put("dateTime", start.toString());
		event.putObject("end").put("dateTime", end.toString());
	}

	/** The owner renames the event in Google Calendar. */
	synchronized void retitleByHand(String eventId, String summary) {
		changed(events.get(eventId)).put("summary", summary);
	}

	/** The owner makes an event of their own, under an id Google chose. */
	synchronized void addByHand(String eventId, Instant start, Instant end) {
		ObjectNode event = JSON.createObjectNode().put("id", eventId).put("status", "confirmed");
		event.putObject("start").put("dateTime", start.toString());
		event.putObject("end").put("dateTime", end.toString());
		events.put(eventId, changed(event));
	}

	/**
	 * Google forgets every sync token handed out so far: the next incremental list is 410
	 * GONE.
	 */
	synchronized void expireSyncTokens() {
		expiredUpTo = version;
	}

	@Override
	public synchronized ResponseDefinition transform(ServeEvent serve) {
		Request request = serve.getRequest();
		String path = request.getUrl().split("\\?", 2)[0];
		String override = request.getHeader("X-HTTP-Method-Override");
		String method = override != null ? override : request.getMethod().getName();
		if (path.equals(EVENTS) && method.equals("GET")) {
			return list(request).build();
		}
		if (path.equals(EVENTS)) {
			return insert((ObjectNode) JSON.readTree(request.getBodyAsString())).build();
		}
		String eventId = path.substring(EVENTS.length() + 1);
		ObjectNode event = events.get(eventId);
		if (event == null) {
			if (eventId.equals(landsAfterNotFound)) {
				landsAfterNotFound = null;
				insert(JSON.createObjectNode().put("id", eventId).put("summary", "Booking"));
			}
			return error(404, "notFound", "Not Found").build();
		}
		return switch (method) {
			case "GET" -> json(event).build();
			case "PATCH" -> patch(event, request).build();
			case "DELETE" -> delete(event).build();
			default -> error(405, "methodNotAllowed", method).build();
		};
	}

	private ResponseDefinitionBuilder list(Request request) {
		String syncToken = request.queryParameter("syncToken").isPresent()
				? request.queryParameter("syncToken").firstValue() : null;
		if (syncToken != null && Long.parseLong(syncToken) <= expiredUpTo) {
			return error(410, "fullSyncRequired", "Sync token is no longer valid");
		}
		ObjectNode answer = JSON.createObjectNode().put("kind", "calendar#events");
		var items = answer.putArray("items");
		for (ObjectNode event : events.values()) {
			boolean deleted = "cancelled".equals(event.path("status").asString());
			if (syncToken == null ? !deleted : etag(event) > Long.parseLong(syncToken)) {
				items.add(event.deepCopy().put("kind", "calendar#event"));
			}
		}
		answer.put("nextSyncToken", Long.toString(version));
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody(JSON.writeValueAsString(answer));
	}

	private static long etag(ObjectNode event) {
		return Long.parseLong(event.path("etag").asString().replace("\"", ""));
	}

	private ResponseDefinitionBuilder insert(ObjectNode body) {
		String id = body.path("id").asString();
		if (events.containsKey(id)) {
			return error(409, "duplicate", "The requested identifier already exists.");
		}
		ObjectNode event = body.deepCopy();
		if (!event.has("status")) {
			event.put("status", "confirmed");
		}
		events.put(id, changed(event));
		return json(event);
	}

	private ResponseDefinitionBuilder patch(ObjectNode event, Request request) {
		String ifMatch = request.getHeader("If-Match");
		if (ifMatch != null && !ifMatch.equals(event.path("etag").asString())) {
			return error(412, "conditionNotMet", "Precondition Failed");
		}
		JsonNode body = JSON.readTree(request.getBodyAsString());
		body.properties().forEach(field -> event.set(field.getKey(), field.getValue()));
		return json(changed(event));
	}

	private ResponseDefinitionBuilder delete(ObjectNode event) {
		if ("cancelled".equals(event.path("status").asString())) {
			return error(410, "deleted", "Resource has been deleted");
		}
		changed(event).put("status", "cancelled");
		return aResponse().withStatus(204);
	}

	private ObjectNode changed(ObjectNode event) {
		return event.put("etag", "\"" + (++version) + "\"");
	}

	private static ResponseDefinitionBuilder json(ObjectNode event) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody(JSON.writeValueAsString(event.deepCopy().put("kind", "calendar#event")));
	}

	private static ResponseDefinitionBuilder error(int code, String reason, String message) {
		return FakeGoogle.googleError(code, "global", reason, message);
	}

}
