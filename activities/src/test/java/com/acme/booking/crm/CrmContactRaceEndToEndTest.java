package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.acme.booking.core.Booking;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.TestClock;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.extension.Parameters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bookings of one address write one contact, each sync with the choice of booking to
 * show it made. A customer cancels an old booking and books a new one: the cancellation's
 * sync chose before the new booking existed, and its write lands after the new booking's.
 * The contact must end on the new booking, not "cancelled".
 */
class CrmContactRaceEndToEndTest extends CrmEndToEndSupport {

	private static final String CONTACT = CONTACTS + "/1301";

	@Autowired
	CrmProperties properties;

	@Test
	void aCancellationsStaleWriteLandingLastIsWrittenOverWithTheNewBooking() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1301")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2301", true)));
		hubspot.stubFor(patch(urlPathEqualTo(CONTACT)).withServeEventListener(AppliedWrites.NAME, Parameters.empty())
			.willReturn(HubSpotStubs.object(200, "1301", "{}")));
		CrmSync crm = crmSync();
		Booking old = insert("ada-race@example.com", 50);
		crm.push(old);
		appliedWrites.reset();
		// HubSpot is slow to apply the write that marks the contact cancelled.
		hubspot.stubFor(patch(urlPathEqualTo(CONTACT)).atPriority(1)
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("cancelled")))
			.withServeEventListener(AppliedWrites.NAME, AppliedWrites.HOLD)
			.willReturn(HubSpotStubs.object(200, "1301", "{}")));

		Booking cancelled = bookings.cancel(old.id(), TestClock.now(), ChangeSource.CUSTOMER).orElseThrow();
		CompletableFuture<String> late = CompletableFuture.supplyAsync(() -> crm.push(cancelled));
		await().atMost(Duration.ofSeconds(30)).until(() -> appliedWrites.held() == 1);
		// The customer books again; that sync's write goes through at once.
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2302", true)));
		Booking next = insert("Ada-Race@example.com", 51);
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings/2302"))
			.willReturn(meetingAt(next.startTime(), "SCHEDULED")));
		assertThat(crm.push(next)).isEqualTo("1301");
		assertThat(late).isNotDone();
		appliedWrites.release();

		assertThat(late.join()).isEqualTo("1301");
		List<String> applied = appliedWrites.applied();
		assertThat(applied.get(0)).contains("\"booking_id\":\"" + next.id() + "\"", "\"booking_status\":\"confirmed\"");
		// The cancellation's write did land after the new booking's...
		assertThat(applied.get(1)).contains("\"booking_id\":\"" + old.id() + "\"", "\"booking_status\":\"cancelled\"");
		// ... and the contact ends on the new booking.
		assertThat(applied.get(applied.size() - 1)).contains("\"booking_id\":\"" + next.id() + "\"",
				"\"booking_status\":\"confirmed\"", "\"booking_start_time\":\"" + next.startTime() + "\"");
		hubspot.verify(patchRequestedFor(urlPathEqualTo("/crm/v3/objects/meetings/2301"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("CANCELED"))));
	}

	/**
	 * The service's sync, with a HubSpot client of its own whose read timeout outlasts a
	 * held answer.
	 */
	private CrmSync crmSync() {
		CrmProperties.HubSpot patient = new CrmProperties.HubSpot(HubSpotStubs.TOKEN, hubspot.baseUrl(),
				Duration.ofSeconds(5), Duration.ofSeconds(90), Duration.ofSeconds(10));
		HubSpotClient client = new HubSpotClient(CrmBeans.restClient(RestClient.builder(), patient),
				CrmBeans.circuitBreaker(properties), HubSpotStubs.TOKEN);
		return new CrmSync(new HubSpotSchema(client),
				new ContactSync(client, bookings, Caffeine.newBuilder().<String, String>build()),
				new MeetingSync(client, bookings), bookings, TestClock.clock());
	}

	private Booking insert(String email, int daysAhead) {
		Instant start = TestClock.now().truncatedTo(ChronoUnit.HOURS).plus(daysAhead, ChronoUnit.DAYS);
		return bookings.insert(UUID.randomUUID(),
				new NewBooking("Ada Lovelace", email, null, null, "Demo please", start,
						start.plus(30, ChronoUnit.MINUTES), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
	}

}
