package com.acme.booking.ratelimit;

import com.acme.booking.web.Problems;
import com.acme.booking.web.WebSlice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three requests a minute per client, so the fourth is refused; the switched-off case is
 * in SlotsApiTest. The limit tells requests apart by path and key alone, so stand-ins
 * answer at the service's paths.
 */
@WebSlice(value = RateLimitApiTest.Endpoints.class,
		properties = { "booking.rate-limit.enabled=true", "booking.rate-limit.requests-per-minute=3",
				"booking.admin.api-key=" + RateLimitApiTest.ADMIN })
@Import({ RateLimitConfiguration.class, RateLimitApiTest.Endpoints.class })
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitApiTest {

	private static final String SLOTS = "/api/bookings/available-slots?startDate=2026-12-01&endDate=2026-12-01";

	static final String ADMIN = "rate-limit-admin-key";

	@Autowired
	MockMvcTester mvc;

	@Test
	void refusesTheFourthRequestOfAMinuteWithAProblemAndRetryAfterButNeverHealthNorOperators() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(get(SLOTS).getStatus()).isEqualTo(200);
		}

		MockHttpServletResponse refused = get(SLOTS);

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
		JsonNode problem = JsonMapper.builder().build().readTree(refused.getContentAsString());
		assertThat(problem.path("type").asString()).isEqualTo(Problems.BASE + Problems.RATE_LIMITED);
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("detail").asString()).contains("retry after");

		assertThat(get("/api/health").getStatus()).isNotEqualTo(429);
		assertThat(get("/api/health/calendar").getStatus()).isNotEqualTo(429);
		assertThat(get(SLOTS).getStatus()).isEqualTo(429);

		// Operators are never limited; a wrong key does not help.
		for (int i = 0; i < 10; i++) {
			assertThat(get(SLOTS, "X-Api-Key", ADMIN).getStatus()).isEqualTo(200);
		}
		assertThat(get("/api/admin/bookings", "X-Api-Key", ADMIN).getStatus()).isEqualTo(200);
		assertThat(get(SLOTS, "X-Api-Key", "not-the-key").getStatus()).isEqualTo(429);
	}

	private MockHttpServletResponse get(String path, String... headers) {
		var request = mvc.get().uri(path);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request.exchange().getResponse();
	}

	/** Answers 200 at the paths the test asks for. */
	@RestController
	static class Endpoints {

		@GetMapping({ "/api/bookings/available-slots", "/api/health", "/api/health/calendar", "/api/admin/bookings" })
		String answer() {
			return "{}";
		}

	}

}
