package com.acme.booking.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.acme.booking.web.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three requests a minute per client, so the fourth is refused; the switched-off case is
 * in SlotsApiTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "booking.embedded.data-dir=target/test-data/${random.uuid}",
				"booking.embedded.clean-on-start=true", "booking.embedded.synchronous-commit=off",
				"booking.embedded.fsync=off", "booking.rate-limit.requests-per-minute=3",
				"booking.admin.api-key=" + RateLimitApiTest.ADMIN })
class RateLimitApiTest {

	private static final String SLOTS = "/api/bookings/available-slots?startDate=2026-12-01&endDate=2026-12-01";

	static final String ADMIN = "rate-limit-admin-key";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void refusesTheFourthRequestOfAMinuteWithAProblemAndRetryAfterButNeverHealthNorOperators() {
		for (int i = 0; i < 3; i++) {
			assertThat(get(SLOTS).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = get(SLOTS);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
		JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
		assertThat(problem.path("type").asString()).isEqualTo(Problems.BASE + Problems.RATE_LIMITED);
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("detail").asString()).contains("retry after");

		assertThat(get("/api/health").statusCode()).isNotEqualTo(429);
		assertThat(get("/api/health/calendar").statusCode()).isNotEqualTo(429);
		assertThat(get(SLOTS).statusCode()).isEqualTo(429);

		// Operators are never limited; a wrong key does not help.
		for (int i = 0; i < 10; i++) {
			assertThat(get(SLOTS, "X-Api-Key", ADMIN).statusCode()).isEqualTo(200);
		}
		assertThat(get("/api/admin/bookings", "X-Api-Key", ADMIN).statusCode()).isEqualTo(200);
		assertThat(get(SLOTS, "X-Api-Key", "not-the-key").statusCode()).isEqualTo(429);
	}

	private HttpResponse<String> get(String path, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
