package com.acme.booking.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot's CRM v3 as the booking service uses it, keeping what it was sent: contacts
 * unique by email (a second create is 409 {@code Existing ID: N}), meetings upserted by
 * their unique {@code booking_id}, meeting-to-contact associations, and the custom
 * properties (409 once they exist).
 */
final class HubSpotStandIn extends StandIn {

	private static final Pattern CONTACT = Pattern.compile("/crm/v3/objects/contacts/(\\d+)");

	private static final Pattern MEETING = Pattern.compile("/crm/v3/objects/meetings/(\\d+)");

	private static final Pattern ASSOCIATION = Pattern
		.compile("/crm/v4/objects/meetings/(\\d+)/associations/default/contacts/(\\d+)");

	/** A contact or meeting as HubSpot holds it. */
	static final class CrmObject {

		final String id;

		final Map<String, String> properties = new HashMap<>();

		final Set<String> contacts = new HashSet<>();

		CrmObject(String id) {
			this.id = id;
		}

	}

	final Map<String, CrmObject> contacts = new ConcurrentHashMap<>();

	final Map<String, CrmObject> meetings = new ConcurrentHashMap<>();

	private final Set<String> properties = new HashSet<>();

	private final AtomicLong ids = new AtomicLong(1000);

	HubSpotStandIn(ChaosPlan plan, Duration readTimeout, Duration latency) {
		super(plan, readTimeout, latency);
	}

	@Override
	String faultKey(Request request, String path) {
		Matcher contact = CONTACT.matcher(path);
		if (contact.matches()) {
			CrmObject known = contacts.get(contact.group(1));
			return "contact " + (known == null ? path : customer(known.properties.get("email"), path));
		}
		Matcher meeting = MEETING.matcher(path);
		Matcher association = ASSOCIATION.matcher(path);
		String meetingId = meeting.matches() ? meeting.group(1) : association.matches() ? association.group(1) : null;
		if (meetingId != null) {
			CrmObject known = meetings.get(meetingId);
			return path.replaceAll("\\d+", "")
					+ (known == null ? meetingId : customer(known.properties.get("hs_meeting_title"), meetingId));
		}
		return path + " " + customer(request.getBodyAsString(), "");
	}

	@Override
	ResponseDefinitionBuilder answer(Request request, String path) {
		String method = method(request);
		if (path.startsWith("/crm/v3/properties/")) {
			String name = path + "/" + body(request).path("name").asString();
			return properties.add(name) ? json(201, Map.of("name", name))
					: error(409, "OBJECT_ALREADY_EXISTS", "A property named '" + name + "' already exists.");
		}
		if (path.equals("/crm/v3/objects/contacts") && method.equals("POST")) {
			return createContact(body(request).path("properties"));
		}
		if (path.equals("/crm/v3/objects/meetings/batch/upsert")) {
			return upsertMeeting(body(request).path("inputs").path(0));
		}
		Matcher contact = CONTACT.matcher(path);
		if (contact.matches()) {
			CrmObject known = contacts.get(contact.group(1));
			return method.equals("GET") ? read(known) : update(known, body(request));
		}
		Matcher meeting = MEETING.matcher(path);
		if (meeting.matches()) {
			CrmObject known = meetings.get(meeting.group(1));
			return method.equals("GET") ? read(known) : update(known, body(request));
		}
		Matcher association = ASSOCIATION.matcher(path);
		if (association.matches()) {
			CrmObject known = meetings.get(association.group(1));
			if (known == null || !contacts.containsKey(association.group(2))) {
				return error(404, "OBJECT_NOT_FOUND", "Object not found");
			}
			known.contacts.add(association.group(2));
			return json(200, Map.of("status", "COMPLETE", "results", List.of()));
		}
		return error(404, "OBJECT_NOT_FOUND", "No route " + method + " " + path);
	}

	private ResponseDefinitionBuilder createContact(JsonNode input) {
		String email = input.path("email").asString().toLowerCase(Locale.ROOT);
		for (CrmObject existing : contacts.values()) {
			if (email.equals(existing.properties.get("email").toLowerCase(Locale.ROOT))) {
				return error(409, "CONFLICT", "Contact already exists. Existing ID: " + existing.id);
			}
		}
		CrmObject contact = new CrmObject(String.valueOf(ids.incrementAndGet()));
		put(contact, input);
		contacts.put(contact.id, contact);
		return json(201, view(contact, false));
	}

	private ResponseDefinitionBuilder upsertMeeting(JsonNode input) {
		String bookingId = input.path("id").asString();
		CrmObject meeting = meetings.values()
			.stream()
			.filter(m -> bookingId.equals(m.properties.get("booking_id")))
			.findFirst()
			.orElse(null);
		boolean created = meeting == null;
		if (created) {
			meeting = new CrmObject(String.valueOf(ids.incrementAndGet()));
			meeting.properties.put("booking_id", bookingId);
			meetings.put(meeting.id, meeting);
		}
		put(meeting, input.path("properties"));
		return json(200, Map.of("status", "COMPLETE", "results", List.of(view(meeting, created))));
	}

	private static ResponseDefinitionBuilder update(CrmObject object, JsonNode body) {
		if (object == null) {
			return error(404, "OBJECT_NOT_FOUND", "Object not found");
		}
		put(object, body.path("properties"));
		return json(200, view(object, false));
	}

	private static ResponseDefinitionBuilder read(CrmObject object) {
		return object == null ? error(404, "OBJECT_NOT_FOUND", "Object not found") : json(200, view(object, false));
	}

	private static void put(CrmObject object, JsonNode properties) {
		properties.properties().forEach(entry -> object.properties.put(entry.getKey(), entry.getValue().asString()));
	}

	private static Map<String, Object> view(CrmObject object, boolean created) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", object.id);
		view.put("properties", object.properties);
		view.put("createdAt", "2026-11-25T10:00:00.000Z");
		view.put("updatedAt", "2026-11-25T10:00:00.000Z");
		view.put("archived", false);
		view.put("new", created);
		return view;
	}

	private static ResponseDefinitionBuilder error(int status, String category, String message) {
		return json(status, Map.of("status", "error", "message", message, "correlationId",
				"00000000-0000-4000-8000-000000000000", "category", category));
	}

	@Override
	ResponseDefinitionBuilder serverError() {
		return error(502, "INTERNAL_ERROR", "Bad gateway");
	}

	@Override
	ResponseDefinitionBuilder rateLimited() {
		return error(429, "RATE_LIMITS", "You have reached your ten_secondly_rolling limit.");
	}

}
