package com.acme.booking.crm;

import java.util.List;

import com.acme.booking.core.Booking;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking made with the address of someone the CRM already knows: until the address is
 * verified it may not change who the contact is, only add what the contact lacks, while
 * the booking itself still reaches the contact's booking properties and its meeting.
 */
class ContactIdentityEndToEndTest extends CrmEndToEndSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void unverifiedBookingLeavesTheIdentityOfAContactHubSpotAlreadyHas() {
		knownContact("1201", "Victoria", "Real", "Big Client", "+1 555 0100");
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactExists("1201")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2201", true)));

		Booking booking = book("Mallory Attacker", "cfo@bigclient.example", "Evil Corp", "+44 666 0000");
		awaitSynced(booking.id(), 1);

		List<JsonNode> writes = contactWrites("1201");
		assertThat(writes).isNotEmpty().allSatisfy(properties -> {
			assertThat(properties.has("firstname") || properties.has("lastname") || properties.has("company")
					|| properties.has("phone"))
				.as("identity written: %s", properties)
				.isFalse();
			assertThat(properties.path("booking_id").asString()).isEqualTo(booking.id().toString());
			assertThat(properties.path("booking_status").asString()).isEqualTo("confirmed");
		});
		// The booking's own facts: on its meeting, as the booker gave them.
		hubspot.verify(postRequestedFor(urlEqualTo(UPSERT_MEETING))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.hs_meeting_title",
					equalTo("Booked appointment: Mallory Attacker (Evil Corp)"))));
	}

	@Test
	void unverifiedBookingFillsOnlyWhatTheKnownContactLacks() {
		knownContact("1202", "Victoria", "Real", null, "+1 555 0100");
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactExists("1202")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2202", true)));

		Booking booking = book("Mallory Attacker", "cfo@smallclient.example", "Evil Corp", "+44 666 0000");
		awaitSynced(booking.id(), 1);

		List<JsonNode> writes = contactWrites("1202");
		assertThat(writes).isNotEmpty().allSatisfy(properties -> {
			assertThat(properties.path("company").asString()).isEqualTo("Evil Corp");
			assertThat(properties.has("firstname") || properties.has("lastname") || properties.has("phone")).isFalse();
		});
	}

	@Test
	void aLaterUnverifiedBookingOfTheSameAddressDoesNotRenameTheContactEither() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1203")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2203", true)));
		Booking first = book("Victoria Real", "ceo@bigclient.example", "Big Client", "+1 555 0100");
		awaitSynced(first.id(), 1);
		knownContact("1203", "Victoria", "Real", "Big Client", "+1 555 0100");
		hubspot.resetRequests();

		Booking second = book("Mallory Attacker", "ceo@bigclient.example", "Evil Corp", "+44 666 0000");
		awaitSynced(second.id(), 1);

		assertThat(contactWrites("1203")).isNotEmpty()
			.allSatisfy(properties -> assertThat(
					properties.has("firstname") || properties.has("company") || properties.has("phone"))
				.isFalse());
	}

	private static void knownContact(String id, String firstname, String lastname, String company, String phone) {
		hubspot.stubFor(get(urlPathEqualTo(CONTACTS + "/" + id))
			.willReturn(HubSpotStubs.contact(id, firstname, lastname, company, phone)));
	}

	private static List<JsonNode> contactWrites(String id) {
		return requests("PATCH", CONTACTS + "/" + id).stream()
			.map(ServeEvent::getRequest)
			.map(request -> JSON.readTree(request.getBodyAsString()).path("properties"))
			.toList();
	}

}
