package com.acme.booking.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator meets while Google and HubSpot are both down: health served from the
 * background probe (no outside call per request, the error text only for the admin key,
 * readiness unaffected), the metrics of a booking whose sync fails, and JSON logs that
 * carry the request's correlation id into the workflow and activities with emails masked.
 */
@RunningService(properties = { "booking.health.probe-interval=1h", "booking.sync.retry.maximum-attempts=1",
		// Outages must not open a circuit here: a state change would probe again
		// mid-test.
		"booking.calendar.circuit-breaker.sliding-window-size=100",
		"booking.calendar.circuit-breaker.minimum-calls=100", "booking.crm.circuit-breaker.sliding-window-size=100",
		"booking.crm.circuit-breaker.minimum-number-of-calls=100", "logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiTest {

	static final String ADMIN = "test-admin-key";

	static final OutsideDown outside = new OutsideDown();

	@LocalServerPort
	int port;

	Http http;

	@DynamicPropertySource
	static void integrations(DynamicPropertyRegistry properties) {
		outside.register(properties);
	}

	@AfterAll
	static void stop() {
		outside.close();
	}

	@BeforeEach
	void firstProbeDone() {
		http = new Http(port);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !"UNKNOWN".equals(status("/api/health/crm"))
					&& !"UNKNOWN".equals(status("/api/health/calendar")));
	}

	@Test
	void healthRequestsNeverReachGoogleOrHubSpot() {
		long google = outside.probeCalls(OutsideDown.GOOGLE_PROBE);
		long hubspot = outside.probeCalls(OutsideDown.HUBSPOT_PROBE);
		assertThat(google).as("probed once at start").isEqualTo(1);
		assertThat(hubspot).as("probed once at start").isEqualTo(1);

		for (int i = 0; i < 20; i++) {
			for (String path : List.of("/api/health", "/api/health/calendar", "/api/health/crm", "/actuator/health",
					"/actuator/health/readiness")) {
				http.get(path, "X-Api-Key", ADMIN);
			}
		}

		assertThat(outside.probeCalls(OutsideDown.GOOGLE_PROBE)).isEqualTo(google);
		assertThat(outside.probeCalls(OutsideDown.HUBSPOT_PROBE)).isEqualTo(hubspot);
	}

	@Test
	void anonymousCallersSeeStatusTimeAndCircuitButNotTheErrorText() {
		for (String part : List.of("calendar", "crm")) {
			Http.Response anonymous = http.get("/api/health/" + part);
			assertThat(anonymous.status()).isEqualTo(503);
			assertThat(anonymous.json().path("status").asString()).isEqualTo("DOWN");
			assertThat(anonymous.json().has("responseTimeMs")).isTrue();
			assertThat(anonymous.json().path("circuitBreaker").asString()).isEqualTo("CLOSED");
			assertThat(anonymous.json().path("ageSeconds").isNumber()).isTrue();
			assertThat(anonymous.json().has("checkedAt")).isTrue();
			assertThat(anonymous.json().has("error")).as(anonymous.body()).isFalse();
			assertThat(http.get("/api/health").json().path(part).has("error")).isFalse();
			assertThat(http.get("/api/health/" + part, "X-Api-Key", "wrong").json().has("error")).isFalse();
		}

		assertThat(http.get("/api/health/crm", "X-Api-Key", ADMIN).json().path("error").asString())
			.contains("HTTP 503", "SERVICE_UNAVAILABLE")
			.contains("o***@hubspot.example");
		assertThat(http.get("/api/health/calendar", "X-Api-Key", ADMIN).json().path("error").asString())
			.contains("503");
		assertThat(http.get("/api/health", "X-Api-Key", ADMIN).json().path("crm").path("error").asString())
			.contains("HTTP 503");
	}

	@Test
	void readinessStaysUpWhileGoogleAndHubSpotAreDown() {
		Http.Response overall = http.get("/api/health");
		assertThat(overall.status()).isEqualTo(200);
		assertThat(overall.json().path("status").asString()).isEqualTo("DEGRADED");
		assertThat(overall.json().path("database").path("status").asString()).isEqualTo("UP");
		assertThat(overall.json().path("temporal").path("status").asString()).isEqualTo("UP");

		for (String path : List.of("/actuator/health/readiness", "/readyz", "/actuator/health/liveness", "/livez")) {
			Http.Response probe = http.get(path);
			assertThat(probe.status()).as(path).isEqualTo(200);
			assertThat(probe.json().path("status").asString()).as(path).isEqualTo("UP");
		}
		JsonNode readiness = http.get("/actuator/health/readiness").json();
		assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState",
				"temporal");
		assertThat(http.get("/actuator/health").body()).doesNotContain("SERVICE_UNAVAILABLE", "503");
	}

	@Test
	void aBookingWhoseSyncFailsShowsInTheMetrics() {
		http.get("/api/bookings/available-slots?startDate=" + Slots.today().plusDays(10) + "&endDate="
				+ Slots.today().plusDays(11));
		Map<String, Object> booking = booking("metrics-" + UUID.randomUUID() + "@example.com");
		assertThat(http.post("/api/bookings", booking).status()).isEqualTo(201);
		assertThat(http.post("/api/bookings", booking).status()).isEqualTo(409);
		// Refused by a filter in front of the controllers, which writes the problem
		// itself.
		assertThat(http.post("/api/bookings", Map.of("name", "x".repeat(70_000))).status()).isEqualTo(413);

		// The Temporal SDK hands its metrics to Micrometer in periodic reports, not at
		// once.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(prometheus())
				.containsPattern("booking_sync_manual_backlog\\{[^}]*integration=\"crm\"[^}]*} [1-9]")
				.contains("temporal_request_total", "temporal_num_pollers"));
		String metrics = prometheus();
		assertThat(metrics).containsPattern("booking_bookings_total\\{[^}]*outcome=\"created\"[^}]*} [1-9]")
			.containsPattern("booking_bookings_refused_total\\{[^}]*reason=\"slot-unavailable\"[^}]*} [1-9]")
			.containsPattern("booking_bookings_refused_total\\{[^}]*reason=\"payload-too-large\"[^}]*} [1-9]")
			.containsPattern("booking_sync_attempts_total\\{[^}]*integration=\"crm\",outcome=\"failure\"[^}]*} [1-9]")
			.containsPattern("booking_sync_failures_total\\{[^}]*integration=\"crm\",kind=\"[A-Za-z]+\"[^}]*} [1-9]")
			.containsPattern("booking_sync_manual_backlog\\{[^}]*integration=\"crm\"[^}]*} [1-9]")
			.containsPattern("booking_calendar_conflicts_open\\{[^}]*} 0")
			.contains("booking_calendar_conflicts_found_total")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"hubspot\",state=\"closed\"[^}]*} 1")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"google-calendar\"")
			.containsPattern("booking_slots_listing_seconds_count\\{[^}]*} [1-9]")
			.containsPattern("cache_gets_total\\{[^}]*cache=\"availability.slots\"")
			.contains("temporal_request_total", "temporal_num_pollers");
	}

	@Test
	void logLinesCarryTheRequestsCorrelationIdIntoTheWorkflowWithEmailsMasked(CapturedOutput output) {
		String email = "grace.hopper." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String correlation = "incident-" + UUID.randomUUID().toString().substring(0, 8);

		Http.Response created = http.post("/api/bookings", booking(email), "X-Correlation-Id", correlation);
		LoggerFactory.getLogger(OperationsApiTest.class).info("Support ticket from {}", email);

		assertThat(created.header("X-Correlation-Id")).isEqualTo(correlation);
		assertThat(http.get("/api/health", "X-Correlation-Id", "<script>").header("X-Correlation-Id"))
			.as("an id that could forge log text is replaced")
			.matches("[0-9a-f-]{36}");
		String id = created.json().path("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(linesWith(output, correlation))
				.anySatisfy(line -> assertThat(line).contains("CRM sync of booking " + id))
				.anySatisfy(line -> assertThat(line).contains("sync of booking " + id + " needs an operator")));
		assertThat(linesWith(output, correlation)).allSatisfy(line -> assertThat(line).startsWith("{"));
		assertThat(output.getOut()).doesNotContain(email).contains("g***@example.com");
	}

	private static List<String> linesWith(CapturedOutput output, String correlation) {
		return output.getOut()
			.lines()
			.filter(line -> line.contains("\"correlationId\":\"" + correlation + "\""))
			.toList();
	}

	private String prometheus() {
		Http.Response response = http.get("/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private String status(String path) {
		return http.get(path).json().path("status").asString();
	}

	private static Map<String, Object> booking(String email) {
		return Map.of("name", "Grace Hopper", "email", email, "startTime", Slots.fresh().toString());
	}

}
