package com.acme.booking.booking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.support.Http;
import com.acme.booking.token.ManageTokens;
import com.acme.booking.web.MockHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static com.acme.booking.booking.BookingApiTest.ADMIN;
import static com.acme.booking.booking.BookingApiTest.booking;
import static com.acme.booking.booking.BookingApiTest.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * What the booking endpoints refuse, and how: validation problems naming the field, the
 * token's protection, the typed problems of Spring MVC's own refusals. PostgreSQL is a
 * mock here; that nothing is written means the repository was never asked to.
 */
@BookingWebSlice
class BookingControllerTest {

	private static final Instant START = Instant.parse("2030-06-03T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	BookingRepository bookings;

	@Autowired
	ManageTokens tokens;

	MockHttp http;

	@BeforeEach
	void setUp() {
		http = new MockHttp(mvc);
	}

	@Test
	void hidesBookingFromWrongOrMissingToken() {
		String id = StoredBookings.store(bookings, UUID.randomUUID(), BookingStatus.CONFIRMED, START, 1)
			.id()
			.toString();

		assertThat(http.get("/api/bookings/" + id).status()).isEqualTo(404);
		Http.Response wrong = http.get("/api/bookings/" + id, "X-Booking-Token", "A".repeat(43));
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.problemType()).isEqualTo("not-found");
		assertThat(http.get("/api/bookings/" + UUID.randomUUID(), "X-Api-Key", ADMIN).status()).isEqualTo(404);
		assertThat(http.get("/api/bookings/not-a-uuid", "X-Api-Key", ADMIN).status()).isEqualTo(404);
		assertThat(http.get("/api/bookings/" + id, "X-Api-Key", ADMIN).status()).isEqualTo(200);
		assertThat(http.delete("/api/bookings/" + id, "X-Api-Key", "wrong").status()).isEqualTo(404);
	}

	@Test
	void refusesBadInputAsValidationProblemsAndWritesNothing() {
		Instant start = START;
		Map<String, Object> unknownField = booking(email(), start);
		unknownField.put("isAdmin", true);
		Map<String, Object> badEmail = booking("not-an-email", start);
		Map<String, Object> emptyName = booking(email(), start);
		emptyName.put("name", " ");
		Map<String, Object> longName = booking(email(), start);
		longName.put("name", "x".repeat(201));
		Map<String, Object> controlChars = booking(email(), start);
		controlChars.put("name", "Ada\u0000Lovelace");
		Map<String, Object> longInquiry = booking(email(), start);
		longInquiry.put("inquiry", "x".repeat(5001));
		Map<String, Object> badDuration = booking(email(), start);
		badDuration.put("durationMinutes", 5);
		Map<String, Object> wrongType = booking(email(), start);
		wrongType.put("durationMinutes", "thirty");
		Map<String, Object> badZone = booking(email(), start);
		badZone.put("timeZone", "Mars/Olympus");
		Map<String, Object> badDate = booking(email(), start);
		badDate.put("startTime", "2026-13-45T99:00:00Z");
		Map<String, Object> noStart = booking(email(), start);
		noStart.remove("startTime");

		Map<Object, String> cases = new LinkedHashMap<>();
		cases.put("{\"name\": ", "body");
		cases.put("[]", "body");
		cases.put(unknownField, "isAdmin");
		cases.put(badEmail, "email");
		cases.put(emptyName, "name");
		cases.put(longName, "name");
		cases.put(controlChars, "name");
		cases.put(longInquiry, "inquiry");
		cases.put(badDuration, "durationMinutes");
		cases.put(wrongType, "durationMinutes");
		cases.put(badZone, "timeZone");
		cases.put(badDate, "startTime");
		cases.put(noStart, "startTime");
		String valid = "\"email\": \"" + email() + "\", \"startTime\": \"" + start + "\"";
		cases.put("{\"name\": \"Ada\", " + valid + ", \"durationMinutes\": 30.5}", "durationMinutes");
		cases.put("{\"name\": \"Ada\", " + valid + ", \"durationMinutes\": \"30\"}", "durationMinutes");
		cases.put("{\"name\": 123, " + valid + "}", "name");
		cases.put("{\"name\": \"Ada\", \"email\": \"" + email() + "\", \"startTime\": 1764579600}", "startTime");
		cases.put("{\"name\": \"Ada\", \"name\": \"Eve\", " + valid + "}", "body");
		// A lone surrogate can only travel as a JSON escape: UTF-8 cannot encode it.
		cases.put("{\"name\": \"A\\ud800b\", " + valid + "}", "name");
		Map<String, Object> offsetZone = booking(email(), start);
		offsetZone.put("timeZone", "+01:00");
		cases.put(offsetZone, "timeZone");
		cases.forEach((body, field) -> {
			Http.Response response = http.post("/api/bookings", body);
			assertThat(response.status()).as("%s", body).isEqualTo(400);
			assertThat(response.problemType()).isEqualTo("validation-failed");
			assertThat(response.json().path("errors").findValuesAsString("field")).as("%s", body).contains(field);
		});
		then(bookings).should(never()).insert(any(), any(), any(), any(), any(), any());
	}

	@Test
	void refusesEmptyOrInvalidChanges() {
		Booking stored = StoredBookings.store(bookings, UUID.randomUUID(), BookingStatus.CONFIRMED, START, 1);
		String id = stored.id().toString();
		String token = tokens.tokenFor(stored.id(), stored.manageLinkVersion());

		Http.Response empty = http.patch("/api/bookings/" + id, Map.of(), "X-Booking-Token", token);
		Http.Response blankName = http.patch("/api/bookings/" + id, Map.of("name", ""), "X-Booking-Token", token);
		Http.Response unknown = http.patch("/api/bookings/" + id, Map.of("status", "CANCELLED"), "X-Booking-Token",
				token);

		Http.Response spacesName = http.patch("/api/bookings/" + id, Map.of("name", "   "), "X-Booking-Token", token);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(blankName.status()).isEqualTo(400);
		assertThat(spacesName.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("errors").findValuesAsString("field")).contains("status");
		then(bookings).should(never()).update(any(), any(), any(), any(), any());
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
	void answersAWrongMediaTypeWithATypedProblem() {
		Http.Response refused = http.send("POST", "/api/bookings", "name=Ada", "Content-Type", "text/plain");

		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("/problems/unsupported-media-type");
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
	void neverTalksAboutTokensToAnOperator() {
		String unknown = "/api/bookings/3f0c0000-0000-4000-8000-000000000000";

		Http.Response operator = http.get(unknown, "X-Api-Key", ADMIN);
		Http.Response customer = http.get(unknown, "X-Booking-Token", "guess");

		assertThat(operator.status()).isEqualTo(404);
		assertThat(operator.json().path("detail").asString()).doesNotContainIgnoringCase("token");
		assertThat(customer.status()).isEqualTo(404);
	}

}
