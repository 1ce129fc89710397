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
 * event a new etag.
 */
final class GoogleEventStore implements ResponseDefinitionTransformerV2 {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EVENTS = FakeGoogle.calendarPath() + "/events";

	private final Map<String, ObjectNode> events = new ConcurrentHashMap<>();

	private long version;

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

	/** The owner deletes the event in Google Calendar. */
	synchronized void deleteByHand(String eventId) {
		changed(events.get(eventId)).put("status", "cancelled");
	}

	@Override
	public synchronized ResponseDefinition transform(ServeEvent serve) {
		Request request = serve.getRequest();
		String path = request.getUrl().split("\\?", 2)[0];
		String override = request.getHeader("X-HTTP-Method-Override");
		String method = override != null ? override : request.getMethod().getName();
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
