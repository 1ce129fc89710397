package com.acme.booking.crm;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.acme.booking.crm.HubSpotStubs.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client against HubSpot's wire format: request shapes, answers, the circuit breaker.
 */
class HubSpotClientTest {

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private HubSpotClient client;

	private CrmProperties properties;

	@BeforeEach
	void setUp() {
		properties = new CrmProperties(true,
				new CrmProperties.HubSpot(TOKEN, hubspot.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2),
						Duration.ofSeconds(10)),
				Duration.ofMinutes(30), new CrmProperties.CircuitBreaker(50, 4, 4, Duration.ofSeconds(30), 3,
						Duration.ofSeconds(30), Duration.ofSeconds(2)));
		client = new HubSpotClient(CrmBeans.restClient(RestClient.builder(), properties.hubspot()),
				CrmBeans.circuitBreaker(properties), TOKEN);
	}

	@Test
	void createsContactWithBearerTokenAndHubSpotsInputShape() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.contactCreated("501")));

		String id = client.createContact(Map.of("email", "ada@example.com", "firstname", "Ada")).id();

		assertThat(id).isEqualTo("501");
		hubspot.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withRequestBody(equalToJson("""
					{"properties": {"email": "ada@example.com", "firstname": "Ada"}, "associations": []}""")));
	}

	@Test
	void conflictOnCreateNamesTheExistingContact() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.contactExists("12345")));

		HubSpotCallFailed failure = catchThrowableOfType(HubSpotCallFailed.class,
				() -> client.createContact(Map.of("email", "ada@example.com")));

		assertThat(failure.status()).isEqualTo(409);
		assertThat(failure.existingId()).contains("12345");
		assertThat(failure.body().category()).isEqualTo("CONFLICT");
	}

	@Test
	void upsertsMeetingByItsUniqueBookingId() {
		hubspot.stubFor(
				post("/crm/v3/objects/meetings/batch/upsert").willReturn(HubSpotStubs.meetingUpserted("77", true)));

		String id = client.upsertMeeting("booking_id", "b-1", Map.of("hs_meeting_outcome", "SCHEDULED")).id();

		assertThat(id).isEqualTo("77");
		hubspot
			.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/meetings/batch/upsert")).withRequestBody(equalToJson(
					"""
							{"inputs": [{"idProperty": "booking_id", "id": "b-1", "properties": {"hs_meeting_outcome": "SCHEDULED"}}]}""")));
	}

	@Test
	void batchErrorWithoutResultIsAFailure() {
		hubspot.stubFor(post("/crm/v3/objects/meetings/batch/upsert").willReturn(HubSpotStubs.json(207, """
				{"status": "COMPLETE", "results": [], "numErrors": 1, "errors": [{"status": "error",
				 "category": "VALIDATION_ERROR", "message": "Property \\"booking_id\\" does not exist", "context": {}}],
				 "startedAt": "2026-11-25T10:00:00Z", "completedAt": "2026-11-25T10:00:00Z"}""")));

		HubSpotCallFailed failure = catchThrowableOfType(HubSpotCallFailed.class,
				() -> client.upsertMeeting("booking_id", "b-1", Map.of()));

		assertThat(failure.status()).isEqualTo(400);
		assertThat(classify(failure).isNonRetryable()).isTrue();
	}

	@Test
	void circuitOpensOnOutagesButNotOnRefusals() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.contactExists("1")));
		hubspot.stubFor(patch(urlPathEqualTo("/crm/v3/objects/contacts/1"))
			.willReturn(HubSpotStubs.error(503, "SERVICE_UNAVAILABLE", "Service unavailable")));
		for (int i = 0; i < 4; i++) {
			failureOf(() -> client.createContact(Map.of()));
		}
		assertThat(client.breaker().getState().name()).isEqualTo("CLOSED");

		// Two outages among the last four calls reach the 50 % threshold.
		failureOf(() -> client.updateContact("1", Map.of()));
		assertThat(client.breaker().getState().name()).isEqualTo("CLOSED");
		failureOf(() -> client.updateContact("1", Map.of()));

		assertThat(client.breaker().getState().name()).isEqualTo("OPEN");
		Throwable paused = failureOf(() -> client.updateContact("1", Map.of()));
		assertThat(paused).isInstanceOf(CallNotPermittedException.class);
		ApplicationFailure failure = classify(paused);
		assertThat(failure.isNonRetryable()).isFalse();
		// Retried soon (refused-call-retry-delay), not after the whole open wait: the
		// circuit half-opens on its own.
		assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
		hubspot.verify(exactly(2), patchRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/1")));
	}

	@Test
	void associatesMeetingWithContactByDefaultAssociation() {
		hubspot.stubFor(put("/crm/v4/objects/meetings/77/associations/default/contacts/501")
			.willReturn(HubSpotStubs.associated("77", "501")));

		client.associateMeetingWithContact("77", "501");

		hubspot.verify(
				WireMock.putRequestedFor(urlEqualTo("/crm/v4/objects/meetings/77/associations/default/contacts/501")));
	}

	@Test
	void tokenInfoSendsTheTokenOnlyToHubSpotsTokenEndpoint() {
		hubspot.stubFor(post("/oauth/v2/private-apps/get/access-token-info")
			.withRequestBody(matchingJsonPath("$.tokenKey", equalTo(TOKEN)))
			.willReturn(HubSpotStubs.json(200, """
					{"userId": 1, "hubId": 123456, "appId": 42, "scopes": ["crm.objects.contacts.read"]}""")));

		assertThat(client.tokenInfo().scopes()).containsExactly("crm.objects.contacts.read");
		assertThatThrownBy(() -> client.probe("read", "/nothing-here")).isInstanceOf(HubSpotCallFailed.class);
	}

	private ApplicationFailure classify(Throwable failure) {
		return CrmFailures.classify(failure, properties.hubspot().defaultRateLimitDelay(),
				properties.circuitBreaker().refusedCallRetryDelay());
	}

	private static Throwable failureOf(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected the call to fail");
	}

}
