package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.acme.booking.core.Booking;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.TestClock;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An attempt that outlived its timeout holds a booking a later change replaced; it must
 * not write that stale state over the later attempt's (e.g. mark a cancelled booking's
 * contact and meeting as scheduled again).
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
		bookings.cancel(loaded.id(), TestClock.now(), ChangeSource.CUSTOMER).orElseThrow();
		hubspot.resetRequests();

		assertThatThrownBy(() -> crm.push(loaded)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
			assertThat(failure.isNonRetryable()).isFalse();
			assertThat(failure.getType()).isEqualTo("BookingChangedDuringAttempt");
		});
		hubspot.verify(0, anyRequestedFor(urlPathMatching("/crm/v3/objects/(contacts|meetings).*")));
	}

	@Autowired
	HubSpotClient client;

	@Test
	void aContactWhoseCreateAnsweredLateIsNotUpdatedWhenTheBookingChangedMeanwhile() {
		// HubSpot takes its time, then says the address exists: the attempt would update
		// contact 1102 next.
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactExists("1102").withFixedDelay(2000)));
		Instant start = TestClock.now().truncatedTo(ChronoUnit.HOURS).plus(40, ChronoUnit.DAYS);
		Booking loaded = bookings.insert(UUID.randomUUID(),
				new NewBooking("Ada Lovelace", "ada-late@example.com", null, null, null, start,
						start.plus(30, ChronoUnit.MINUTES), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
		ContactSync contacts = new ContactSync(client, bookings, Caffeine.newBuilder().<String, String>build());

		CompletableFuture<String> late = CompletableFuture
			.supplyAsync(() -> contacts.sync(loaded, loaded, MeetingOutcome.SCHEDULED));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !hubspot.findAll(postRequestedFor(urlPathEqualTo(CONTACTS))).isEmpty());
		// Cancelled while the create waited for its answer.
		bookings.cancel(loaded.id(), TestClock.now(), ChangeSource.CUSTOMER).orElseThrow();

		assertThatThrownBy(late::join).hasCauseInstanceOf(ApplicationFailure.class)
			.cause()
			.satisfies(failure -> assertThat(((ApplicationFailure) failure).getType())
				.isEqualTo("BookingChangedDuringAttempt"));
		hubspot.verify(0, patchRequestedFor(urlPathEqualTo(CONTACTS + "/1102")));
	}

}
