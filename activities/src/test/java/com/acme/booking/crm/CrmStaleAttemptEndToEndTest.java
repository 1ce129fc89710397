package com.acme.booking.crm;

import java.time.Instant;

import com.acme.booking.core.Booking;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An attempt that outlived its timeout holds a booking a later change replaced; it must not write that stale state
 * over the later attempt's (e.g. mark a cancelled booking's contact and meeting as scheduled again).
 */
class CrmStaleAttemptEndToEndTest extends CrmEndToEndSupport {

	@Autowired
	CrmSync crm;

	@Test
	void anAttemptHoldingAnOlderRevisionWritesNothing() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1101")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2101", true)));
		Booking loaded = book("Ada Lovelace", "ada-stale@example.com");
		awaitSynced(loaded.id(), 1);
		// Cancelled while the late attempt, still holding revision 1, waited for HubSpot.
		bookings.cancel(loaded.id(), Instant.now()).orElseThrow();
		hubspot.resetRequests();

		assertThatThrownBy(() -> crm.push(loaded)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
			assertThat(failure.isNonRetryable()).isFalse();
			assertThat(failure.getType()).isEqualTo("BookingChangedDuringAttempt");
		});
		hubspot.verify(0, anyRequestedFor(urlPathMatching("/crm/v3/objects/(contacts|meetings).*")));
	}

}
