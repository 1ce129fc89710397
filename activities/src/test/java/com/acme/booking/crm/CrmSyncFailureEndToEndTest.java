package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.acme.booking.core.Booking;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.support.TestClock;
import com.acme.booking.workflow.Integration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.temporal.client.WorkflowStub;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot refusing or throttling the CRM sync, through the real booking workflow:
 * permanent errors flag the booking for an operator with the reason; a rate limit is
 * waited out.
 */
class CrmSyncFailureEndToEndTest extends CrmEndToEndSupport {

	@Test
	void missingPropertyFlagsManualSyncWithTheReason() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.propertyDoesNotExist("booking_status")));
		Booking booking = book("Hedy Lamarr", "hedy@example.com");

		Booking flagged = awaitFlagged(booking.id());

		assertThat(flagged.sync(Integration.CRM).error()).contains("'booking_status'", "PROPERTY_DOESNT_EXIST",
				"HubSpotPropertyMissing");
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
	}

	@Test
	void rejectedTokenFlagsManualSyncAndSaysWhatToFix() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.unauthorized()));
		Booking booking = book("Barbara Liskov", "barbara@example.com");

		Booking flagged = awaitFlagged(booking.id());

		assertThat(flagged.sync(Integration.CRM).error())
			.contains("booking.crm.hubspot.access-token", "HubSpotUnauthorized")
			.doesNotContain(HubSpotStubs.TOKEN);
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
	}

	@Test
	void rateLimitedCallIsRetriedOnlyAfterRetryAfter() {
		hubspot.stubFor(post(CONTACTS).inScenario("limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(HubSpotStubs.rateLimited(1))
			.willSetStateTo("free"));
		hubspot.stubFor(post(CONTACTS).inScenario("limit")
			.whenScenarioStateIs("free")
			.willReturn(HubSpotStubs.contactCreated("1009")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2009", true)));
		Booking booking = book("Radia Perlman", "radia@example.com");

		awaitSynced(booking.id(), 1);

		List<ServeEvent> creates = requests("POST", CONTACTS);
		assertThat(creates).hasSize(2);
		Instant first = creates.get(0).getRequest().getLoggedDate().toInstant();
		Instant second = creates.get(1).getRequest().getLoggedDate().toInstant();
		// The test retry policy waits 20-100 ms; only Retry-After explains a second's
		// pause.
		assertThat(Duration.between(first, second).abs()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void cancellingWhileHubSpotKeepsFailingNeverHangsTheWorkflow() throws Exception {
		// Each failing attempt takes a while, so the cancel lands while one is under way.
		hubspot.stubFor(post(CONTACTS)
			.willReturn(HubSpotStubs.error(503, "INTERNAL_ERROR", "Service unavailable").withFixedDelay(400)));
		Booking booking = book("Frances Allen", "frances@example.com");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !requests("POST", CONTACTS).isEmpty());

		bookings.cancel(booking.id(), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(booking.id()).bookingChanged();
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1010")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2010", true)));

		// The cancel is pushed and the workflow completes; a stuck cancelled attempt
		// would hold it forever.
		WorkflowStub.fromTyped(workflow(booking.id())).getResult(30, TimeUnit.SECONDS, Void.class);
		Booking done = bookings.findById(booking.id()).orElseThrow();
		assertThat(done.sync(Integration.CRM).synced()).isTrue();
		assertThat(done.sync(Integration.CRM).syncedRevision()).isEqualTo(done.revision());
		assertThat(done.sync(Integration.CRM).manual()).isFalse();
	}

}
