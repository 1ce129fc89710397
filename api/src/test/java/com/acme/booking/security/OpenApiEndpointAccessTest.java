package com.acme.booking.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every endpoint of the running service's OpenAPI description, asked by four callers:
 * anonymous, with the token of another booking, with the token of the booking in the
 * path, and with the admin key. What each must answer follows from the path; a path this
 * test has no expectation for fails, so a new endpoint cannot go out without a decided
 * rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiEndpointAccessTest {

	private static final String ADMIN = "test-admin-key";

	private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * The filters of the security configuration are the only readers of the credentials:
	 * no controller checks a key or a token of its own.
	 */
	@Test
	void noControllerReadsACredential() {
		List<String> readers = new ArrayList<>();
		mappings.getHandlerMethods().values().forEach(handler -> {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
				if (header != null && Set.of(AdminKey.HEADER, BookingTokenAuthenticationFilter.HEADER)
					.contains(header.name().isEmpty() ? header.value() : header.name())) {
					readers.add(handler.toString());
				}
			}
		});

		assertThat(mappings.getHandlerMethods()).isNotEmpty();
		assertThat(readers).isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointAnswersEachCallerAsItsPathsRuleSays() {
		Http http = new Http(port);
		JsonNode docs = http.get("/v3/api-docs").json();
		Booking own = Booking.create(http);
		Booking other = Booking.create(http);
		List<DynamicTest> tests = new ArrayList<>();
		List<DynamicTest> cancellations = new ArrayList<>();
		List<DynamicTest> revocations = new ArrayList<>();
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (!METHODS.contains(operation.getKey())) {
				return;
			}
			Endpoint endpoint = new Endpoint(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
			Access access = Access.of(endpoint.path());
			if (access == null) {
				tests.add(dynamicTest(endpoint + " has a decided rule", () -> fail("No access rule is decided for "
						+ endpoint + ": give it a rule in SecurityConfiguration and an expectation here")));
				return;
			}
			// One booking for all: cancelling it comes last, and revoking its manage
			// link (which retires the token the other calls use) after that.
			(endpoint.path().endsWith("/manage-link") ? revocations
					: endpoint.method().equals("DELETE") ? cancellations : tests)
				.add(dynamicTest(endpoint + " is " + access, () -> check(http, endpoint, access, false, own, other)));
			if (endpoint.hasQueryParameter("bookingId")) {
				tests.add(dynamicTest(endpoint + "?bookingId= is " + Access.BOOKING,
						() -> check(http, endpoint, Access.BOOKING, true, own, other)));
			}
		}));
		tests.addAll(cancellations);
		tests.addAll(revocations);
		assertThat(tests).as("the endpoints of API.md").hasSizeGreaterThanOrEqualTo(12);
		return tests.stream();
	}

	private void check(Http http, Endpoint endpoint, Access access, boolean ofOneBooking, Booking own, Booking other) {
		String url = endpoint.url(own, ofOneBooking);
		Object body = endpoint.body();

		Http.Response anonymous = http.send(endpoint.method(), url, body);
		Http.Response wrongToken = http.send(endpoint.method(), url, body, "X-Booking-Token", other.token());
		Http.Response rightToken = http.send(endpoint.method(), url, body, "X-Booking-Token", own.token());
		Http.Response admin = http.send(endpoint.method(), url, body, "X-Api-Key", ADMIN);

		switch (access) {
			case ADMIN -> {
				for (Http.Response refused : List.of(anonymous, wrongToken, rightToken)) {
					assertThat(refused.status()).as("%s without the admin key", endpoint).isEqualTo(401);
					assertThat(refused.problemType()).isEqualTo("unauthorized");
				}
				assertThat(admin.status()).as("%s with the admin key", endpoint).isNotEqualTo(401).isLessThan(500);
			}
			case BOOKING -> {
				for (Http.Response refused : List.of(anonymous, wrongToken)) {
					assertThat(refused.status()).as("%s without its booking's token", endpoint).isEqualTo(404);
					assertThat(refused.problemType()).isEqualTo("not-found");
				}
				assertThat(rightToken.status()).as("%s with its booking's token", endpoint).isBetween(200, 299);
				assertThat(admin.status()).as("%s with the admin key", endpoint).isBetween(200, 299);
			}
			case PUBLIC -> {
				assertThat(anonymous.status()).as("%s anonymous", endpoint).isNotIn(401, 403);
				assertThat(List.of(wrongToken.status(), rightToken.status(), admin.status()))
					.as("%s answers every caller alike", endpoint)
					.containsOnly(anonymous.status());
			}
		}
	}

	/** What a path's rule is, read from the path alone. */
	enum Access {

		/** The admin key only; everyone else 401. */
		ADMIN,

		/** Its booking's token or the admin key; everyone else 404. */
		BOOKING,

		/** Anyone, alike. */
		PUBLIC;

		/** Null for a path whose rule is not decided. */
		static Access of(String path) {
			if (path.startsWith("/api/admin/")) {
				return ADMIN;
			}
			if (path.equals("/api/bookings/{id}/verify")) {
				// The customer's email confirmation: the code in the link is the
				// credential.
				return PUBLIC;
			}
			if (path.equals("/api/bookings/{id}") || path.startsWith("/api/bookings/{id}/")) {
				return BOOKING;
			}
			if (path.equals("/api/bookings") || path.equals("/api/bookings/available-slots")
					|| path.equals("/api/health") || path.startsWith("/api/health/")) {
				return PUBLIC;
			}
			return null;
		}

	}

	/** A booking and its manage token. */
	record Booking(String id, String token) {

		/**
		 * Books the last free slot of days far out, where the other tests of this context
		 * do not book.
		 */
		static Booking create(Http http) {
			LocalDate today = Slots.today();
			JsonNode slots = http
				.get("/api/bookings/available-slots?startDate=" + today.plusDays(80) + "&endDate=" + today.plusDays(89))
				.json()
				.path("slots");
			assertThat(slots.size()).as("free slots far out").isPositive();
			String start = slots.get(slots.size() - 1).path("start").asString();
			Http.Response created = http.post("/api/bookings", Map.of("name", "Ada Lovelace", "email",
					"walk-" + UUID.randomUUID() + "@example.com", "startTime", start));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			return new Booking(created.json().path("id").asString(), created.json().path("manageToken").asString());
		}

	}

	/** One operation of the description, and how to call it well-formed. */
	record Endpoint(String method, String path, JsonNode operation) {

		boolean hasQueryParameter(String name) {
			for (JsonNode parameter : operation.path("parameters")) {
				if ("query".equals(parameter.path("in").asString()) && name.equals(parameter.path("name").asString())) {
					return true;
				}
			}
			return false;
		}

		/**
		 * {@code {id}} is the booking's id, any other path variable a random one; the
		 * required query parameters get valid values.
		 */
		String url(Booking own, boolean ofOneBooking) {
			String url = path.replace("{id}", own.id()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
			List<String> query = new ArrayList<>();
			for (JsonNode parameter : operation.path("parameters")) {
				if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean()) {
					query.add(parameter.path("name").asString() + "=" + sample(parameter.path("schema")));
				}
			}
			if (ofOneBooking) {
				query.add("bookingId=" + own.id());
			}
			return query.isEmpty() ? url : url + "?" + String.join("&", query);
		}

		private static String sample(JsonNode schema) {
			if ("date".equals(schema.path("format").asString())) {
				return Slots.today().plusDays(7).toString();
			}
			return "integer".equals(schema.path("type").asString()) ? "30" : "x";
		}

		/**
		 * A change the booking accepts, for a PATCH; an empty object for any other body.
		 */
		Object body() {
			if (operation.path("requestBody").isMissingNode()) {
				return null;
			}
			return "PATCH".equals(method) ? Map.of("name", "Walked Through") : "{}";
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

}
