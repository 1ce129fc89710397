package com.acme.booking.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.acme.booking.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Google and HubSpot played by the chaos stand-ins without faults, only slow by
 * {@code latency}, for services in JVMs of their own; and {@link WorldCheck}'s comparison
 * of every booking a service reports over its admin API with what the stand-ins hold.
 * Emails stay off.
 */
public final class CalmStandIns implements AutoCloseable {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

	private final GoogleCalendarStandIn google;

	private final HubSpotStandIn hubspot;

	private final List<String> settings;

	public CalmStandIns(Path dir, Duration latency) {
		ChaosPlan calm = new ChaosPlan(ChaosSuiteTest.SEED, 0.0);
		google = new GoogleCalendarStandIn(calm, READ_TIMEOUT, latency);
		hubspot = new HubSpotStandIn(calm, READ_TIMEOUT, latency);
		settings = StandInSettings.of(google, hubspot,
				ServiceAccountKey.write(dir.resolve("key.json"), google.baseUrl() + "/token"), READ_TIMEOUT);
	}

	/**
	 * The services' settings: both integrations on and pointed here, business hours all
	 * day in UTC ({@link StandInSettings}).
	 */
	public List<String> settings() {
		return settings;
	}

	/** Calendar events and CRM meetings written so far. */
	public int written() {
		return google.events.size() + hubspot.meetings.size();
	}

	/**
	 * What does not match, for every booking the service knows (up to 200): a booking not
	 * synced, flagged for manual sync, without exactly one event, contact and meeting
	 * that show it, or anything in Google or HubSpot that belongs to no booking. Empty
	 * when all is well.
	 */
	public List<String> mismatches(Http http, String adminKey) {
		List<WorldCheck.Row> rows = new ArrayList<>();
		for (JsonNode b : http.get("/api/admin/bookings?size=200", "X-Api-Key", adminKey).json().path("bookings")) {
			rows.add(WorldCheck.Row.fromApi(b, false));
		}
		WorldCheck.Outcome outcome = WorldCheck.compare(rows, google, hubspot);
		List<String> mismatches = new ArrayList<>(outcome.mismatches());
		outcome.flagged().forEach(flagged -> mismatches.add("flagged for manual sync: " + flagged));
		return mismatches;
	}

	@Override
	public void close() {
		google.close();
		hubspot.close();
	}

}
