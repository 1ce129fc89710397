package com.acme.booking.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What an enabled calendar integration needs before the first call: a calendar id and a
 * service-account key file. Checked while the properties bind, so a misconfigured
 * application stops at startup, in every profile, with a message saying what to fix,
 * instead of flagging every booking for manual sync later.
 */
final class CalendarSettingsCheck {

	private CalendarSettingsCheck() {
	}

	static void requireUsable(CalendarProperties properties) {
		List<String> problems = problems(properties);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("booking.calendar.enabled is true, but " + String.join("; ", problems)
					+ ". Fix this, or set booking.calendar.enabled=false. See docs/google-calendar.md.");
		}
	}

	static List<String> problems(CalendarProperties properties) {
		List<String> problems = new ArrayList<>();
		if (blank(properties.calendarId())) {
			problems.add("booking.calendar.calendar-id is not set: use the business calendar's id "
					+ "(Google Calendar, Settings and sharing, Integrate calendar, Calendar ID)");
		}
		if (blank(properties.serviceAccountFile())) {
			problems.add("booking.calendar.service-account-file is not set: point it at the service account's "
					+ "JSON key file");
		}
		else {
			String keyProblem = keyFileProblem(Path.of(properties.serviceAccountFile()));
			if (keyProblem != null) {
				problems.add("booking.calendar.service-account-file " + keyProblem);
			}
		}
		if (properties.inviteAttendees() && blank(properties.delegatedUser())) {
			problems.add("booking.calendar.invite-attendees is true without booking.calendar.delegated-user: "
					+ "service accounts can only invite attendees while acting as a Workspace user "
					+ "(domain-wide delegation)");
		}
		return problems;
	}

	/** Never includes the file's content: it holds a private key. */
	private static String keyFileProblem(Path file) {
		if (!Files.isRegularFile(file)) {
			return "(" + file.toAbsolutePath() + ") does not exist or is not a file";
		}
		if (!Files.isReadable(file)) {
			return "(" + file.toAbsolutePath() + ") is not readable by this process";
		}
		JsonObject key;
		try {
			key = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
		}
		catch (IOException | JsonParseException | IllegalStateException ex) {
			return "(" + file.toAbsolutePath() + ") is not a JSON key file; download a JSON key "
					+ "(IAM, Service accounts, Keys, Add key, JSON)";
		}
		if (!"service_account".equals(text(key, "type"))) {
			return "(" + file.toAbsolutePath() + ") is not a service account key (\"type\" is not "
					+ "\"service_account\"); OAuth client secrets and user credentials do not work here";
		}
		for (String field : new String[] { "client_email", "private_key" }) {
			if (blank(text(key, field))) {
				return "(" + file.toAbsolutePath() + ") has no \"" + field + "\"; download a fresh JSON key";
			}
		}
		return null;
	}

	private static String text(JsonObject json, String field) {
		return json.has(field) && json.get(field).isJsonPrimitive() ? json.get(field).getAsString() : null;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
