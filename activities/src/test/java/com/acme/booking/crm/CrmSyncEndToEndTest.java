package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingChange;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.support.TestClock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM sync through the real booking workflow, embedded PostgreSQL and the in-process
 * Temporal server, against WireMock speaking HubSpot's API. Lost answers are simulated by
 * dropping the connection after HubSpot has acted.
 */
class CrmSyncEndToEndTest extends CrmEndToEndSupport {

	@Test
	void firstSyncCreatesContactAndMeetingOnItsTimeline() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1001")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2001", true)));
		Booking booking = book("Ada  Lovelace", "ada-first@example.com");

		Booking synced = awaitSynced(booking.id(), 1);

		assertThat(synced.crmContactId()).isEqualTo("1001");
		assertThat(synced.crmMeetingId()).isEqualTo("2001");
		hubspot.verify(postRequestedFor(urlEqualTo(CONTACTS))
			.withRequestBody(matchingJsonPath("$.properties.email", equalTo("ada-first@example.com")))
			.withRequestBody(matchingJsonPath("$.properties.firstname", equalTo("Ada")))
			.withRequestBody(matchingJsonPath("$.properties.lastname", equalTo("Lovelace")))
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("confirmed")))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(booking.id().toString()))));
		hubspot.verify(postRequestedFor(urlEqualTo(UPSERT_MEETING))
			.withRequestBody(matchingJsonPath("$.inputs[0].idProperty", equalTo("booking_id")))
			.withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo(booking.id().toString())))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.hs_meeting_outcome", equalTo("SCHEDULED")))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.hs_meeting_start_time",
					equalTo(booking.startTime().toString()))));
		hubspot.verify(putRequestedFor(urlEqualTo("/crm/v4/objects/meetings/2001/associations/default/contacts/1001")));
	}

	@Test
	void lostContactCreateAnswerUpdatesTheContactItMadeInsteadOfASecond() {
		// HubSpot made the contact, but the answer never arrived; the retry's create is
		// refused with its id.
		hubspot.stubFor(post(CONTACTS).inScenario("lost")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("created"));
		hubspot.stubFor(post(CONTACTS).inScenario("lost")
			.whenScenarioStateIs("created")
			.willReturn(HubSpotStubs.contactExists("1002")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2002", true)));
		Booking booking = book("Grace Hopper", "grace@example.com");

		Booking synced = awaitSynced(booking.id(), 1);

		assertThat(synced.crmContactId()).isEqualTo("1002");
		hubspot.verify(exactly(2), postRequestedFor(urlEqualTo(CONTACTS)));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1002"))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(booking.id().toString()))));
		hubspot.verify(putRequestedFor(urlEqualTo("/crm/v4/objects/meetings/2002/associations/default/contacts/1002")));
	}

	@Test
	void lostMeetingAnswerIsFoundAgainByItsUniqueBookingId() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1003")));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("lost")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("created"));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("lost")
			.whenScenarioStateIs("created")
			.willReturn(HubSpotStubs.meetingUpserted("2003", false)));
		Booking booking = book("Alan Turing", "alan@example.com");

		Booking synced = awaitSynced(booking.id(), 1);

		assertThat(synced.crmMeetingId()).isEqualTo("2003");
		List<ServeEvent> upserts = requests("POST", UPSERT_MEETING);
		assertThat(upserts).hasSize(2)
			.allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains("\"idProperty\":\"booking_id\"",
					"\"id\":\"" + booking.id() + "\""));
		// Never a plain create, which HubSpot could not tell from the lost one.
		hubspot.verify(exactly(0), postRequestedFor(urlEqualTo("/crm/v3/objects/meetings")));
	}

	@Test
	void meetingStoredBeforeAFailureIsUpdatedNotCreatedAgain() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1004")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2004", true)));
		hubspot.stubFor(
				put(urlEqualTo("/crm/v4/objects/meetings/2004/associations/default/contacts/1004")).inScenario("flaky")
					.whenScenarioStateIs(Scenario.STARTED)
					.willReturn(HubSpotStubs.error(503, "SERVICE_UNAVAILABLE", "Service unavailable"))
					.willSetStateTo("up"));
		hubspot.stubFor(
				put(urlEqualTo("/crm/v4/objects/meetings/2004/associations/default/contacts/1004")).inScenario("flaky")
					.whenScenarioStateIs("up")
					.willReturn(HubSpotStubs.associated("2004", "1004")));
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings/2004")).willReturn(meetingAt(null, "SCHEDULED")));
		Booking booking = book("Katherine Johnson", "katherine@example.com");

		awaitSynced(booking.id(), 1);

		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(UPSERT_MEETING)));
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2004"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("SCHEDULED"))));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1004")));
	}

	@Test
	void rescheduleMovesTheMeetingAndMarksTheContactRescheduled() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1005")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2005", true)));
		Booking booking = book("Ludwig van Beethoven", "ludwig@example.com");
		awaitSynced(booking.id(), 1);
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings/2005"))
			.willReturn(meetingAt(booking.startTime(), "SCHEDULED")));
		Instant moved = booking.startTime().plus(1, ChronoUnit.HOURS);

		bookings.update(booking.id(),
				new BookingChange(moved, moved.plus(30, ChronoUnit.MINUTES), null, null, null, null),
				Duration.ofMinutes(15), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(booking.id()).bookingChanged();
		awaitSynced(booking.id(), 2);

		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2005"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("RESCHEDULED")))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_start_time", equalTo(moved.toString()))));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1005"))
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("rescheduled")))
			.withRequestBody(matchingJsonPath("$.properties.booking_start_time", equalTo(moved.toString())))
			.withRequestBody(matchingJsonPath("$.properties.lastname", equalTo("van Beethoven"))));
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(UPSERT_MEETING)));
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
	}

	@Test
	void cancelMarksTheMeetingCanceledAndTheContactCancelled() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1006")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2006", true)));
		Booking booking = book("Ada Byron", "byron@example.com");
		awaitSynced(booking.id(), 1);

		bookings.cancel(booking.id(), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(booking.id()).bookingChanged();
		awaitSynced(booking.id(), 2);

		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2006"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("CANCELED"))));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1006"))
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("cancelled"))));
	}

	@Test
	void cancellingTheOlderOfTwoBookingsLeavesTheContactDescribingTheNewer() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1008")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2009", true)));
		Booking older = book("Grace Hopper", "grace-two@example.com");
		awaitSynced(older.id(), 1);
		Booking newer = book("Grace Hopper", "grace-two@example.com");
		awaitSynced(newer.id(), 1);
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings/2009"))
			.willReturn(meetingAt(newer.startTime(), "SCHEDULED")));

		bookings.cancel(older.id(), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(older.id()).bookingChanged();
		awaitSynced(older.id(), 2);

		List<ServeEvent> contactWrites = requests("PATCH", CONTACTS + "/1008");
		String last = contactWrites.get(contactWrites.size() - 1).getRequest().getBodyAsString();
		assertThat(last).contains("\"booking_id\":\"" + newer.id() + "\"")
			.contains("\"booking_status\":\"confirmed\"")
			.contains("\"booking_start_time\":\"" + newer.startTime() + "\"");
		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2009"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("CANCELED"))));
	}

	@Test
	void secondBookingOfTheSameCustomerUpdatesTheSameContact() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1007")));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("two")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(HubSpotStubs.meetingUpserted("2007", true))
			.willSetStateTo("second"));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("two")
			.whenScenarioStateIs("second")
			.willReturn(HubSpotStubs.meetingUpserted("2008", true)));
		Booking first = book("Margaret Hamilton", "margaret@example.com");
		awaitSynced(first.id(), 1);

		Booking second = book("Margaret Hamilton", "Margaret@Example.com");
		Booking synced = awaitSynced(second.id(), 1);

		assertThat(synced.crmContactId()).isEqualTo("1007");
		assertThat(synced.crmMeetingId()).isEqualTo("2008");
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
		// The contact describes the next upcoming booking, the first one, not the one
		// synced last.
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1007"))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(first.id().toString()))));
		hubspot.verify(exactly(0), patchRequestedFor(urlEqualTo(CONTACTS + "/1007"))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(second.id().toString()))));
	}

}
