package com.acme.booking.crm;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.acme.booking.crm.HubSpotStubs.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each HubSpot error answer, in HubSpot's own shape, becomes a Temporal failure:
 * retried (and when) or handed to an operator with a message saying what to fix.
 */
class HubSpotErrorClassificationTest {

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
	void missingPropertyIsPermanentAndExplained() {
		hubspot
			.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.propertyDoesNotExist("booking_status")));

		ApplicationFailure failure = classify(failureOf(() -> client.createContact(Map.of("email", "a@b.c"))));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("HubSpotPropertyMissing");
		assertThat(failure.getOriginalMessage()).contains("'booking_status'", "PROPERTY_DOESNT_EXIST",
				"crm.schemas.contacts.write", "correlationId");
	}

	@Test
	void otherValidationErrorIsPermanentAndNamesCodeAndProperty() {
		hubspot.stubFor(patch(urlPathEqualTo("/crm/v3/objects/contacts/9")).willReturn(HubSpotStubs.json(400, """
				{"status": "error", "message": "Property values were not valid: phone", "correlationId": "c-9",
				 "category": "VALIDATION_ERROR",
				 "errors": [{"message": "x is not a valid phone number", "code": "INVALID_PHONE_NUMBER",
				             "context": {"propertyName": ["phone"]}}]}""")));

		ApplicationFailure failure = classify(failureOf(() -> client.updateContact("9", Map.of("phone", "x"))));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("HubSpotValidationError");
		assertThat(failure.getOriginalMessage()).contains("VALIDATION_ERROR", "INVALID_PHONE_NUMBER", "property phone",
				"c-9");
		assertThat(failure.getOriginalMessage()).doesNotContain("not a valid phone", "Property values were not valid");
	}

	@Test
	void valuesHubSpotQuotesNeverReachTemporal() {
		hubspot.stubFor(post("/crm/v3/objects/contacts")
			.willReturn(HubSpotStubs.error(400, "VALIDATION_ERROR", "Email address ada.l+x@example.co.uk is invalid")));

		ApplicationFailure failure = classify(failureOf(() -> client.createContact(Map.of())));

		assertThat(failure.getOriginalMessage()).contains("VALIDATION_ERROR")
			.doesNotContain("ada.l+x", "example.co.uk");
		assertThat(failure.getCause()).isNull();
	}

	@Test
	void rejectedTokenIsPermanentAndNamesThePropertyToFix() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.unauthorized()));

		ApplicationFailure failure = classify(failureOf(() -> client.createContact(Map.of())));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("HubSpotUnauthorized");
		assertThat(failure.getOriginalMessage()).contains("booking.crm.hubspot.access-token").doesNotContain(TOKEN);
	}

	@Test
	void missingScopeIsPermanentAndNamesTheScope() {
		hubspot.stubFor(
				post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.missingScope("crm.objects.contacts.write")));

		ApplicationFailure failure = classify(failureOf(() -> client.createContact(Map.of())));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("HubSpotForbidden");
		assertThat(failure.getOriginalMessage()).contains("missing scope crm.objects.contacts.write");
	}

	@Test
	void notFoundIsPermanent() {
		hubspot.stubFor(patch(urlPathEqualTo("/crm/v3/objects/meetings/5"))
			.willReturn(HubSpotStubs.error(404, "OBJECT_NOT_FOUND", "resource not found")));

		ApplicationFailure failure = classify(failureOf(() -> client.updateMeeting("5", Map.of())));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("HubSpotNotFound");
	}

	@Test
	void rateLimitWaitsAsLongAsRetryAfterSays() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.rateLimited(7)));

		ApplicationFailure failure = classify(failureOf(() -> client.createContact(Map.of())));

		assertThat(failure.isNonRetryable()).isFalse();
		assertThat(failure.getType()).isEqualTo("HubSpotRateLimited");
		assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void rateLimitWithoutRetryAfterWaitsForTheTenSecondWindow() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.rateLimited(null)));

		ApplicationFailure failure = classify(failureOf(() -> client.createContact(Map.of())));

		assertThat(failure.isNonRetryable()).isFalse();
		assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(10));
		assertThat(failure.getOriginalMessage()).contains("TEN_SECONDLY_ROLLING");
	}

	@Test
	void afterAnOutageTheFirstCallHubSpotAnswersClosesTheHalfOpenCircuit() {
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.error(503, "UNAVAILABLE", "Down")));
		client.breaker().transitionToOpenState();
		client.breaker().transitionToHalfOpenState();
		// The outage's last retries, as trial calls.
		classify(failureOf(() -> client.createContact(Map.of())));
		classify(failureOf(() -> client.createContact(Map.of())));
		hubspot.stubFor(post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.contactCreated("77")));

		assertThat(client.createContact(Map.of()).id()).isEqualTo("77");

		assertThat(client.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(client.createContact(Map.of()).id()).isEqualTo("77");
	}

	@Test
	void aCallRefusedByTheOpenCircuitIsRetriedAfterTheShortRefusedCallDelay() {
		client.breaker().transitionToOpenState();

		ApplicationFailure refused = classify(failureOf(() -> client.createContact(Map.of())));

		assertThat(refused.getType()).isEqualTo("HubSpotCircuitOpen");
		assertThat(refused.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void serverErrorsLockedAndBrokenConnectionsAreRetryable() {
		hubspot.stubFor(
				post("/crm/v3/objects/contacts").willReturn(HubSpotStubs.error(502, "BAD_GATEWAY", "Bad gateway")));
		hubspot.stubFor(patch(urlPathEqualTo("/crm/v3/objects/contacts/1"))
			.willReturn(HubSpotStubs.error(423, "LOCKED", "Contact is locked for a merge")));
		hubspot.stubFor(patch(urlPathEqualTo("/crm/v3/objects/contacts/2"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		ApplicationFailure server = classify(failureOf(() -> client.createContact(Map.of())));
		ApplicationFailure locked = classify(failureOf(() -> client.updateContact("1", Map.of())));
		ApplicationFailure reset = classify(failureOf(() -> client.updateContact("2", Map.of())));

		assertThat(server.isNonRetryable()).isFalse();
		assertThat(server.getType()).isEqualTo("HubSpotUnavailable");
		assertThat(locked.isNonRetryable()).isFalse();
		assertThat(reset.isNonRetryable()).isFalse();
		assertThat(reset.getType()).isEqualTo("HubSpotUnreachable");
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
