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
import com.acme.booking.support.RunningService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the server refuses what it cannot take, as a client meets it on the wire: a chunked
 * body over the limit is refused without reading the rest, and the connection closed; a
 * multipart body is refused before anything parses it; what the OpenAPI schema allows is
 * read. The problem answers of the web layer are tested on it alone
 * (BookingControllerTest, AvailableSlotsControllerTest, AdminControllerTest).
 */
@RunningService
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
	void answersAMethodItDoesNotKnowWithMethodNotAllowedAndAPathNoResourceHasWithNotFound() throws Exception {
		HttpResponse<String> query = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health"))
				.method("QUERY", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(query.statusCode()).isEqualTo(405);
		assertThat(query.body()).contains("/problems/method-not-allowed");

		Http.Response strange = http.get("/api/bookings/a%3Bb%25c", "X-Api-Key", ADMIN);
		assertThat(strange.status()).isEqualTo(404);
		assertThat(strange.problemType()).isEqualTo("not-found");
		assertThat(strange.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
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

	private long rows() {
		return jdbc.sql("SELECT count(*) FROM booking").query(Long.class).single();
	}

}
