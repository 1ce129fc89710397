package com.acme.booking.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.acme.booking.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the service refuses what it cannot take, as a client meets it over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FailureModesApiTest {

	static final String ADMIN = "test-admin-key";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	@Test
	void refusesAChunkedBodyOverTheLimitWithoutWaitingForTheRest() throws Exception {
		long before = rows();
		byte[] chunk = new byte[8 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		try (RawHttp raw = new RawHttp(port)) {
			raw.startChunkedPost("/api/bookings");
			for (int i = 0; i < 10; i++) {
				raw.chunk(chunk);
			}
			// The body is 80 KB so far and unfinished: a server that waited for its end
			// would not answer yet.
			String response = raw.readResponse();

			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json;charset=UTF-8");
			assertThat(response).containsIgnoringCase("Connection: close");
			assertThat(response).contains("/problems/payload-too-large").doesNotContain("properties");
			assertThatThrownBy(() -> {
				for (int i = 0; i < 1280; i++) {
					raw.chunk(chunk);
				}
			}).as("the server hangs up instead of reading the other 10 MB").isInstanceOf(IOException.class);
		}
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void readsAChunkedBodyWithinTheLimitLikeAnyOther() throws Exception {
		try (RawHttp raw = new RawHttp(port)) {
			raw.startChunkedPost("/api/bookings")
				.chunk("{\"name\": \"Ada\", ".getBytes(StandardCharsets.UTF_8))
				.chunk("\"email\": \"not-an-email\", \"startTime\": \"2026-12-01T09:00:00Z\"}"
					.getBytes(StandardCharsets.UTF_8))
				.lastChunk();
			String response = raw.readUntilClosed();

			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).contains("\"field\":\"email\"");
		}
	}

	@Test
	void refusesADeclaredLengthOverTheLimitAsUtf8ProblemWithoutNullProperties() {
		String huge = "{\"name\": \"" + "é".repeat(40_000) + "\"}";
		Http.Response refused = http.post("/api/bookings", huge);

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json;charset=UTF-8");
		assertThat(refused.problemType()).isEqualTo("payload-too-large");
		assertThat(refused.json().has("properties")).isFalse();
		assertThat(refused.json().path("instance").asString()).isEqualTo("/api/bookings");
	}

	@Test
	void answersAWrongMethodWithATypedProblem() {
		Http.Response refused = http.send("PUT", "/api/bookings/available-slots", "{}");

		assertThat(refused.status()).isEqualTo(405);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("method-not-allowed");
		assertThat(refused.header("Allow")).contains("GET");
	}

	@Test
	void answersAWrongMediaTypeWithATypedProblem() throws Exception {
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings"))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("name=Ada"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(415);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("/problems/unsupported-media-type");
	}

	@Test
	void answersAMultipartContentTypeWithoutBoundaryWithAProblemNotA500() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (String method : new String[] { "GET", "POST" }) {
			HttpResponse<String> answer = client.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/bookings"
						+ (method.equals("GET") ? "/3f0c0000-0000-4000-8000-000000000000" : "")))
				.header("Content-Type", "multipart/form-data")
				.header("X-Api-Key", ADMIN)
				.method(method, HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(answer.statusCode()).as(method).isBetween(400, 499);
			assertThat(answer.headers().firstValue("Content-Type")).as(method)
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void doesNotOfferTheBookingMethodsOnTheSlotListing() {
		Http.Response options = http.send("OPTIONS", "/api/bookings/available-slots", null);

		assertThat(options.header("Allow")).contains("GET").doesNotContain("PATCH").doesNotContain("DELETE");
	}

	@Test
	void takesANullIntegrationAsEveryIntegrationButNoNumberForOne() {
		assertThat(http.post("/api/admin/bookings/sync", Map.of("integration", 0), "X-Api-Key", ADMIN).status())
			.isEqualTo(400);
		assertThat(
				http.send("POST", "/api/admin/bookings/sync", "{\"integration\": null}", "X-Api-Key", ADMIN).status())
			.isEqualTo(202);
	}

	@Test
	void takesEveryWholeNumberAndRfc3339TimeThatTheSchemaCallsValid() {
		Http.Response wholeAsDecimal = http.send("POST", "/api/bookings",
				"""
						{"name": "Ada", "email": "whole@example.com", "startTime": "2020-01-01T09:00:00Z", "durationMinutes": 30.0}""");
		Http.Response farOffset = http.post("/api/bookings",
				Map.of("name", "Ada", "email", "offset@example.com", "startTime", "2020-01-01t09:00:00-20:30"));

		// Read, then refused as a time that is not offered: not a malformed request.
		assertThat(wholeAsDecimal.status()).as(wholeAsDecimal.body()).isEqualTo(422);
		assertThat(farOffset.status()).as(farOffset.body()).isEqualTo(422);
	}

	@Test
	void namesTheFieldAndShowsAnExampleWhenAStartTimeHasNoOffset() {
		Http.Response refused = http.post("/api/bookings",
				Map.of("name", "Ada", "email", "ada@example.com", "startTime", "2026-12-01T09:00:00"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("startTime");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("with offset")
			.contains("2026-12-01T09:00:00Z");
	}

	@Test
	void showsAnExampleWhenAQueryDateIsMalformed() {
		Http.Response refused = http.get("/api/bookings/available-slots?startDate=01/12/2026&endDate=2026-12-01");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("startDate");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("2026-12-01");
	}

	@Test
	void neverTalksAboutTokensToAnOperator() {
		String unknown = "/api/bookings/3f0c0000-0000-4000-8000-000000000000";

		Http.Response operator = http.get(unknown, "X-Api-Key", ADMIN);
		Http.Response customer = http.get(unknown, "X-Booking-Token", "guess");

		assertThat(operator.status()).isEqualTo(404);
		assertThat(operator.json().path("detail").asString()).doesNotContainIgnoringCase("token");
		assertThat(customer.status()).isEqualTo(404);
		assertThat(http.get("/api/admin/bookings/3f0c0000-0000-4000-8000-000000000000/messages", "X-Api-Key", ADMIN)
			.json()
			.path("detail")
			.asString()).doesNotContainIgnoringCase("token");
	}

	private long rows() {
		return jdbc.sql("SELECT count(*) FROM booking").query(Long.class).single();
	}

}
