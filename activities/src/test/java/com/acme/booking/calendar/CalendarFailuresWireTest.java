package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.google.api.services.calendar.model.Event;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.acme.booking.calendar.FakeGoogle.eventsUrl;
import static com.acme.booking.calendar.FakeGoogle.googleError;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/**
 * How Google's real answers become retryable or permanent Temporal failures, through the
 * real client.
 */
class CalendarFailuresWireTest {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static FakeGoogle google;

	static final Duration OPEN_CIRCUIT = Duration.ofMinutes(5);

	CalendarFailures failures = new CalendarFailures(Clock.fixed(NOW, ZoneOffset.UTC), FakeGoogle.CALENDAR_ID,
			FakeGoogle.CLIENT_EMAIL, null, OPEN_CIRCUIT);

	@BeforeAll
	static void start() {
		google = new FakeGoogle();
	}

	@AfterAll
	static void stop() {
		google.close();
	}

	@BeforeEach
	void reset() {
		google.reset();
	}

	static Stream<Arguments> answers() {
		return Stream.of(Arguments.of(FakeGoogle.backendError(), false, "CalendarUnavailable", "backendError"),
				Arguments.of(googleError(503, "global", "backendError", "Service unavailable"), false,
						"CalendarUnavailable", "503"),
				Arguments.of(FakeGoogle.rateLimited(429, "rateLimitExceeded"), false, "CalendarRateLimited", "429"),
				Arguments.of(FakeGoogle.rateLimited(403, "rateLimitExceeded"), false, "CalendarRateLimited", "403"),
				Arguments.of(FakeGoogle.rateLimited(403, "userRateLimitExceeded"), false, "CalendarRateLimited",
						"userRateLimitExceeded"),
				Arguments.of(googleError(403, "calendar", "forbiddenForServiceAccounts",
						"Service accounts cannot invite attendees without Domain-Wide Delegation of Authority."), true,
						"CalendarInvitationsNotAllowed", "booking.calendar.delegated-user"),
				Arguments.of(
						googleError(403, "calendar", "requiredAccessLevel",
								"You need to have writer access to this calendar."),
						true, "CalendarAccessDenied", "Make changes to events"),
				Arguments.of(
						googleError(403, "usageLimits", "accessNotConfigured",
								"Google Calendar API has not been used in project 1 before or it is disabled."),
						true, "CalendarApiDisabled", "enable it"),
				Arguments.of(googleError(401, "global", "authError", "Invalid Credentials"), true,
						"CalendarCredentialsRejected", "booking.calendar.service-account-file"),
				Arguments.of(googleError(400, "global", "invalid", "Invalid start time."), true,
						"CalendarRequestRejected", "Invalid start time."),
				Arguments.of(FakeGoogle.notFound(), true, "CalendarNotFound", "booking.calendar.calendar-id"),
				Arguments.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), false, "CalendarUnavailable",
						"could not be reached"));
	}

	@ParameterizedTest(name = "{2} non-retryable={1}")
	@MethodSource("answers")
	void classifiesGooglesAnswers(ResponseDefinitionBuilder answer, boolean nonRetryable, String type,
			String messagePart) {
		google.stub(post(eventsUrl()).willReturn(answer));

		ApplicationFailure failure = insertFailure(GoogleCalendarFactory.create(google.properties()));

		assertThat(failure.isNonRetryable()).isEqualTo(nonRetryable);
		assertThat(failure.getType()).isEqualTo(type);
		assertThat(failure.getOriginalMessage()).contains(messagePart).doesNotContain("PRIVATE KEY");
	}

	@Test
	void honoursRetryAfterInSeconds() {
		google.stub(post(eventsUrl())
			.willReturn(FakeGoogle.rateLimited(429, "rateLimitExceeded").withHeader("Retry-After", "7")));

		assertThat(insertFailure(GoogleCalendarFactory.create(google.properties())).getNextRetryDelay())
			.isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void honoursRetryAfterAsAnHttpDate() {
		google.stub(post(eventsUrl())
			.willReturn(FakeGoogle.backendError().withHeader("Retry-After", "Wed, 25 Nov 2026 10:01:30 GMT")));

		assertThat(insertFailure(GoogleCalendarFactory.create(google.properties())).getNextRetryDelay())
			.isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void aReadTimeoutIsRetryable() {
		google.stub(post(eventsUrl()).willReturn(FakeGoogle.eventJson("x").withFixedDelay(1500)));
		GoogleCalendar calendar = GoogleCalendarFactory
			.create(google.properties(Duration.ofMillis(300), new CalendarProperties.CircuitBreaker(50, 10, 5,
					Duration.ofSeconds(30), 3, Duration.ofSeconds(30), Duration.ofSeconds(2))));

		ApplicationFailure failure = insertFailure(calendar);

		assertThat(failure.isNonRetryable()).isFalse();
		assertThat(failure.getOriginalMessage()).contains("SocketTimeoutException");
	}

	@Test
	void aKeyRefusedByTheTokenEndpointIsPermanent() {
		google.server.stubFor(post("/token").atPriority(1)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));

		ApplicationFailure failure = insertFailure(GoogleCalendarFactory.create(google.properties()));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("CalendarCredentialsRejected");
		assertThat(failure.getOriginalMessage()).contains("invalid_grant").contains(FakeGoogle.CLIENT_EMAIL);
		google.server.verify(0, postRequestedFor(eventsUrl()));
	}

	@Test
	void withDelegationAnUnauthorizedClientPointsAtTheDelegationGrant() {
		failures = new CalendarFailures(Clock.fixed(NOW, ZoneOffset.UTC), FakeGoogle.CALENDAR_ID,
				FakeGoogle.CLIENT_EMAIL, "desk@example.org", OPEN_CIRCUIT);
		google.server.stubFor(post("/token").atPriority(1)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"unauthorized_client\", \"error_description\": \"Client is unauthorized "
						+ "to retrieve access tokens using this method, or client not authorized for any of the "
						+ "scopes requested.\"}")));

		ApplicationFailure failure = insertFailure(GoogleCalendarFactory.create(google.properties()));

		assertThat(failure.isNonRetryable()).isTrue();
		assertThat(failure.getType()).isEqualTo("CalendarCredentialsRejected");
		assertThat(failure.getOriginalMessage()).contains("unauthorized_client", "Domain-wide delegation",
				"https://www.googleapis.com/auth/calendar", FakeGoogle.CLIENT_EMAIL);
	}

	@Test
	void googlesExceptionIsNotCarriedIntoHistory() {
		google.stub(post(eventsUrl()).willReturn(googleError(400, "global", "invalid", "Invalid start time.")));

		ApplicationFailure failure = insertFailure(GoogleCalendarFactory.create(google.properties()));

		assertThat(failure.getCause()).isNull();
		assertThat(failure.getOriginalMessage()).contains("400", "invalid", "Invalid start time.")
			.doesNotContain(google.rootUrl());
	}

	@Test
	void transientFailuresOpenTheCircuitAndAnOpenCircuitFailsRetryablyWithoutCallingGoogle() {
		google.stub(post(eventsUrl()).willReturn(FakeGoogle.backendError()));
		GoogleCalendar calendar = GoogleCalendarFactory
			.create(google.properties(Duration.ofSeconds(2), new CalendarProperties.CircuitBreaker(50, 4, 4,
					Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofSeconds(2))));

		for (int i = 0; i < 4; i++) {
			insertFailure(calendar);
		}
		ApplicationFailure failure = insertFailure(calendar);

		assertThat(calendar.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(failure.isNonRetryable()).isFalse();
		assertThat(failure.getType()).isEqualTo("CalendarCircuitOpen");
		assertThat(failure.getNextRetryDelay()).isEqualTo(OPEN_CIRCUIT);
		google.server.verify(4, postRequestedFor(eventsUrl()));
	}

	@Test
	void aCallRefusedByTheOpenCircuitIsRetriedAfterTheShortRefusedCallDelayNotTheWholeOpenWait() {
		CalendarProperties properties = google.properties(Duration.ofSeconds(2), new CalendarProperties.CircuitBreaker(
				50, 4, 4, Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofSeconds(2)));
		GoogleCalendar calendar = GoogleCalendarFactory.create(properties);
		calendar.circuitBreaker().transitionToOpenState();
		Exception refused = catchException(() -> calendar.insert(new Event().setId("abcdefgh")));

		ApplicationFailure failure = (ApplicationFailure) new CalendarFailures(Clock.fixed(NOW, ZoneOffset.UTC),
				properties, FakeGoogle.CLIENT_EMAIL)
			.toFailure(refused);

		assertThat(failure.getType()).isEqualTo("CalendarCircuitOpen");
		// The circuit lets trial calls through on its own once its wait is over, maybe a
		// moment after the refusal.
		assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void permanentErrorsLeaveTheCircuitClosed() {
		google.stub(post(eventsUrl()).willReturn(googleError(403, "calendar", "requiredAccessLevel",
				"You need to have writer access to this calendar.")));
		GoogleCalendar calendar = GoogleCalendarFactory
			.create(google.properties(Duration.ofSeconds(2), new CalendarProperties.CircuitBreaker(50, 4, 4,
					Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofSeconds(2))));

		for (int i = 0; i < 6; i++) {
			insertFailure(calendar);
		}

		assertThat(calendar.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private ApplicationFailure insertFailure(GoogleCalendar calendar) {
		Exception error = catchException(() -> calendar.insert(new Event().setId("abcdefgh").setSummary("x")));
		assertThat(error).isNotNull();
		RuntimeException failure = failures.toFailure(error);
		assertThat(failure).isInstanceOf(ApplicationFailure.class);
		return (ApplicationFailure) failure;
	}

}
