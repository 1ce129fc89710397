package com.acme.booking.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.acme.booking.chaos.GoogleCalendarStandIn.Event;
import com.acme.booking.chaos.HubSpotStandIn.CrmObject;
import tools.jackson.databind.JsonNode;

/**
 * Compares what PostgreSQL says with what the Google and HubSpot stand-ins hold: one
 * event per live booking with its times, none live for a cancelled one, one contact per
 * email, one meeting per booking with its times and outcome, and nothing anywhere that
 * belongs to no booking. A booking flagged for manual sync (with its reason) is exempt
 * for that integration. The emails are {@link MailCheck}'s.
 */
final class WorldCheck {

	/**
	 * A booking as PostgreSQL has it.
	 *
	 * @param calendarFlag the manual-sync reason when flagged, else null (likewise
	 * {@code crmFlag}, {@code mailFlag})
	 * @param mailSynced the customer's email of the current revision is handled
	 */
	record Row(UUID id, long revision, boolean cancelled, String name, String email, Instant start, Instant end,
			String calendarEventId, boolean calendarSynced, String calendarFlag, String crmContactId, boolean crmSynced,
			String crmFlag, boolean mailSynced, String mailFlag, boolean rescheduled) {

		/**
		 * A booking as the service's API shows it to an operator (emails not compared: no
		 * revision or email state).
		 */
		static Row fromApi(JsonNode b, boolean rescheduled) {
			return new Row(UUID.fromString(b.path("id").asString()), 0, "CANCELLED".equals(b.path("status").asString()),
					b.path("name").asString(), b.path("email").asString(),
					Instant.parse(b.path("startTime").asString()), Instant.parse(b.path("endTime").asString()),
					text(b.path("calendarEventId")), b.path("calendarSynced").asBoolean(),
					b.path("requiresManualCalendarSync").asBoolean() ? "flagged" : null, text(b.path("crmContactId")),
					b.path("crmSynced").asBoolean(), b.path("requiresManualCrmSync").asBoolean() ? "flagged" : null,
					false, null, rescheduled);
		}

		private static String text(JsonNode node) {
			return node.isNull() || node.isMissingNode() ? null : node.asString();
		}

	}

	/** What the comparison found. */
	record Outcome(List<String> mismatches, List<String> flagged) {
	}

	private WorldCheck() {
	}

	static Outcome compare(Collection<Row> rows, GoogleCalendarStandIn calendar, HubSpotStandIn crm) {
		List<String> mismatches = new ArrayList<>();
		List<String> flagged = new ArrayList<>();
		Map<String, List<Event>> eventsByBooking = calendar.events.values()
			.stream()
			.collect(Collectors.groupingBy(e -> e.bookingId));
		Map<String, List<CrmObject>> meetingsByBooking = crm.meetings.values()
			.stream()
			.collect(Collectors.groupingBy(m -> m.properties.get("booking_id")));
		Map<String, List<CrmObject>> contactsByEmail = crm.contacts.values()
			.stream()
			.collect(Collectors.groupingBy(c -> c.properties.get("email").toLowerCase(Locale.ROOT)));
		for (Row row : rows) {
			String id = row.id().toString();
			if (row.calendarFlag() != null || row.crmFlag() != null || row.mailFlag() != null) {
				flagged.add(id + ": calendar=" + row.calendarFlag() + ", crm=" + row.crmFlag() + ", mail="
						+ row.mailFlag());
				if (isBlankFlag(row.calendarFlag()) || isBlankFlag(row.crmFlag()) || isBlankFlag(row.mailFlag())) {
					mismatches.add(id + " is flagged without a reason");
				}
			}
			if (row.calendarFlag() == null) {
				checkEvent(row, eventsByBooking.getOrDefault(id, List.of()), mismatches);
			}
			if (row.crmFlag() == null) {
				checkMeeting(row, meetingsByBooking.getOrDefault(id, List.of()), crm, mismatches);
			}
		}
		Set<String> ids = rows.stream().map(r -> r.id().toString()).collect(Collectors.toSet());
		eventsByBooking.keySet()
			.stream()
			.filter(b -> !ids.contains(b))
			.forEach(b -> mismatches.add("event of unknown booking " + b));
		meetingsByBooking.keySet()
			.stream()
			.filter(b -> !ids.contains(b))
			.forEach(b -> mismatches.add("meeting of unknown booking " + b));
		checkContacts(rows, contactsByEmail, mismatches);
		return new Outcome(mismatches, flagged);
	}

	private static boolean isBlankFlag(String reason) {
		return reason != null && reason.isBlank();
	}

	private static void checkEvent(Row row, List<Event> events, List<String> mismatches) {
		String id = row.id().toString();
		if (events.size() > 1) {
			mismatches.add(id + " has " + events.size() + " calendar events (duplicates)");
			return;
		}
		Event event = events.isEmpty() ? null : events.get(0);
		if (!row.calendarSynced()) {
			mismatches.add(id + " is not calendar-synced and not flagged");
		}
		if (row.cancelled()) {
			if (event != null && !"cancelled".equals(event.status)) {
				mismatches.add(id + " is cancelled but its event is " + event.status);
			}
			return;
		}
		if (event == null) {
			mismatches.add(id + " is confirmed but has no calendar event");
			return;
		}
		expect(mismatches, id, "event status", "confirmed", event.status);
		expect(mismatches, id, "event id", event.id, row.calendarEventId());
		expect(mismatches, id, "event start", row.start(), event.start);
		expect(mismatches, id, "event end", row.end(), event.end);
		if (event.summary == null || !event.summary.contains(row.name())) {
			mismatches.add(id + " event summary '" + event.summary + "' lacks the name " + row.name());
		}
	}

	private static void checkMeeting(Row row, List<CrmObject> meetings, HubSpotStandIn crm, List<String> mismatches) {
		String id = row.id().toString();
		if (!row.crmSynced()) {
			mismatches.add(id + " is not CRM-synced and not flagged");
		}
		if (meetings.size() != 1) {
			mismatches.add(id + " has " + meetings.size() + " CRM meetings, expected exactly one");
			return;
		}
		CrmObject meeting = meetings.get(0);
		Map<String, String> p = meeting.properties;
		expect(mismatches, id, "meeting start", row.start().toString(), p.get("hs_meeting_start_time"));
		expect(mismatches, id, "meeting end", row.end().toString(), p.get("hs_meeting_end_time"));
		String outcome = p.get("hs_meeting_outcome");
		if (row.cancelled()) {
			expect(mismatches, id, "meeting outcome", "CANCELED", outcome);
		}
		else if (row.rescheduled() ? !Set.of("SCHEDULED", "RESCHEDULED").contains(outcome)
				: !"SCHEDULED".equals(outcome)) {
			mismatches.add(id + " meeting outcome " + outcome + " (rescheduled: " + row.rescheduled() + ")");
		}
		if (p.get("hs_meeting_title") == null || !p.get("hs_meeting_title").contains(row.name())) {
			mismatches.add(id + " meeting title '" + p.get("hs_meeting_title") + "' lacks the name " + row.name());
		}
		CrmObject contact = row.crmContactId() == null ? null : crm.contacts.get(row.crmContactId());
		if (contact == null || !row.email().equalsIgnoreCase(contact.properties.get("email"))) {
			mismatches.add(id + " CRM contact " + row.crmContactId() + " is not the contact of its email");
		}
		else if (!meeting.contacts.contains(contact.id)) {
			mismatches.add(id + " meeting " + meeting.id + " is not associated with contact " + contact.id);
		}
	}

	/** One contact per email, showing one of that email's bookings as it is now. */
	private static void checkContacts(Collection<Row> rows, Map<String, List<CrmObject>> contactsByEmail,
			List<String> mismatches) {
		Map<String, List<Row>> byEmail = rows.stream()
			.filter(r -> r.crmFlag() == null)
			.collect(Collectors.groupingBy(r -> r.email().toLowerCase(Locale.ROOT)));
		Map<String, Row> byId = rows.stream().collect(Collectors.toMap(r -> r.id().toString(), Function.identity()));
		byEmail.forEach((email, ofEmail) -> {
			List<CrmObject> contacts = contactsByEmail.getOrDefault(email, List.of());
			if (contacts.size() != 1) {
				mismatches.add(email + " has " + contacts.size() + " CRM contacts, expected exactly one");
				return;
			}
			Map<String, String> p = contacts.get(0).properties;
			Row shown = byId.get(p.get("booking_id"));
			if (shown == null || !shown.email().equalsIgnoreCase(email)) {
				mismatches.add(email + " contact shows booking " + p.get("booking_id") + ", not one of its own");
				return;
			}
			expect(mismatches, email, "contact booking start", shown.start().toString(), p.get("booking_start_time"));
			String status = p.get("booking_status");
			if (shown.cancelled() ? !"cancelled".equals(status)
					: !Set.of("confirmed", "rescheduled").contains(status)) {
				mismatches.add(email + " contact status " + status + " for booking " + shown.id());
			}
		});
		contactsByEmail.keySet()
			.stream()
			.filter(email -> rows.stream().noneMatch(r -> r.email().equalsIgnoreCase(email)))
			.forEach(email -> mismatches.add("contact of unknown email " + email));
	}

	private static void expect(List<String> mismatches, String id, String what, Object expected, Object actual) {
		if (expected == null ? actual != null : !expected.equals(actual)) {
			mismatches.add(id + " " + what + ": expected " + expected + " but was " + actual);
		}
	}

}
