package com.acme.booking.system;

import java.util.List;

import com.acme.booking.calendar.FakeGoogle;
import com.acme.booking.crm.HubSpotStubs;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Google Calendar and HubSpot played by WireMock in their own wire formats (the
 * activities module's stand-ins), for the service running on the real Temporal server.
 * Happy answers by default; {@link #calendarRefuses()} and {@link #crmRefuses()} turn on
 * the permanent failures an operator must deal with.
 */
final class SyncStandIns implements AutoCloseable {

	static final String CONTACTS = "/crm/v3/objects/contacts";

	static final String UPSERT_MEETING = "/crm/v3/objects/meetings/batch/upsert";

	final FakeGoogle google = new FakeGoogle();

	final WireMockServer hubspot = new WireMockServer(wireMockConfig().dynamicPort());

	SyncStandIns() {
		hubspot.start();
		happy();
	}

	/** The service's properties pointing at the stand-ins. */
	List<String> properties() {
		return List.of("booking.calendar.enabled=true", "booking.calendar.calendar-id=" + FakeGoogle.CALENDAR_ID,
				"booking.calendar.service-account-file=" + google.keyFile,
				"booking.calendar.root-url=" + google.rootUrl(), "booking.crm.enabled=true",
				"booking.crm.hubspot.access-token=" + HubSpotStubs.TOKEN,
				"booking.crm.hubspot.base-url=" + hubspot.baseUrl());
	}

	void happy() {
		google.reset();
		google.stub(post(urlPathEqualTo("/calendar/v3/freeBusy")).willReturn(okJson("""
				{"kind": "calendar#freeBusy", "calendars": {"%s": {"busy": []}}}"""
			.formatted(FakeGoogle.CALENDAR_ID))));
		google.stub(post(FakeGoogle.eventsUrl()).willReturn(FakeGoogle.eventJson("event")));
		google.stub(post(urlPathMatching(FakeGoogle.eventsUrl().getExpected() + "/[a-v0-9]+"))
			.willReturn(FakeGoogle.eventJson("event")));
		google.stub(delete(urlPathMatching(FakeGoogle.eventsUrl().getExpected() + "/[a-v0-9]+"))
			.willReturn(WireMock.noContent()));
		hubspot.resetAll();
		// The service's property groups and properties are already in the portal.
		hubspot.stubFor(post(urlPathMatching("/crm/v3/properties/(contacts|meetings)(/groups)?")).willReturn(
				HubSpotStubs.error(409, "OBJECT_ALREADY_EXISTS", "A property named 'booking_id' already exists.")));
		hubspot.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(HubSpotStubs.contactCreated("1001")));
		hubspot.stubFor(patch(urlPathMatching(CONTACTS + "/\\d+")).willReturn(HubSpotStubs.object(200, "1001", "{}")));
		hubspot.stubFor(get(urlPathMatching(CONTACTS + "/\\d+"))
			.willReturn(HubSpotStubs.contact("1001", "Ada", "Lovelace", null, null)));
		hubspot.stubFor(post(urlPathEqualTo(UPSERT_MEETING)).willReturn(HubSpotStubs.meetingUpserted("2001", true)));
		hubspot.stubFor(patch(urlPathMatching("/crm/v3/objects/meetings/\\d+"))
			.willReturn(HubSpotStubs.object(200, "2001", "{}")));
		hubspot.stubFor(put(urlPathMatching("/crm/v4/objects/meetings/\\d+/associations/default/contacts/\\d+"))
			.willReturn(HubSpotStubs.associated("2001", "1001")));
	}

	/**
	 * Google refuses every new event: the service account lost its access to the
	 * calendar.
	 */
	void calendarRefuses() {
		google.stub(post(FakeGoogle.eventsUrl()).atPriority(1)
			.willReturn(FakeGoogle.googleError(403, "calendar", "requiredAccessLevel",
					"You need to have writer access to this calendar.")));
	}

	/** HubSpot refuses the private app's token. */
	void crmRefuses() {
		hubspot.stubFor(post(urlPathEqualTo(CONTACTS)).atPriority(1).willReturn(HubSpotStubs.unauthorized()));
	}

	/** Both answer 503 to every write: syncs stay in flight, retrying. */
	void outage() {
		google.stub(post(FakeGoogle.eventsUrl()).atPriority(1)
			.willReturn(FakeGoogle.googleError(503, "global", "backendError", "Backend Error")));
		hubspot.stubFor(post(urlPathEqualTo(CONTACTS)).atPriority(1)
			.willReturn(HubSpotStubs.error(503, "SERVICE_UNAVAILABLE", "Service unavailable")));
	}

	/**
	 * Requests Google or HubSpot received, by method and path, e.g.
	 * {@code ("POST", path)}.
	 */
	static List<ServeEvent> requests(WireMockServer server, String method, String pathRegex) {
		return server.getAllServeEvents()
			.stream()
			.filter(e -> e.getRequest().getMethod().getName().equals(method)
					&& e.getRequest().getUrl().split("\\?")[0].matches(pathRegex))
			.toList();
	}

	@Override
	public void close() {
		google.close();
		hubspot.stop();
	}

}
