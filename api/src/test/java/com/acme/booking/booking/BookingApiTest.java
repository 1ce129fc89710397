package com.acme.booking.booking;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RunningService
class BookingApiTest {

	static final String ADMIN = "test-admin-key";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingRepository bookings;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	static Map<String, Object> booking(String email, Instant start) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Ada Lovelace");
		body.put("email", email);
		body.put("company", "Analytical Engines");
		body.put("phone", "+44 20 7946 0000");
		body.put("inquiry", "Demo please\nwith two lines");
		body.put("startTime", start.toString());
		return body;
	}

	static String email() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	long rows() {
		return jdbc.sql("SELECT count(*) FROM booking").query(Long.class).single();
	}

	/**
	 * The booking's workflow has pushed (integrations disabled: recorded) its current
	 * revision.
	 */
	void awaitSyncRecorded(String id) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> SyncedRevisions.caughtUp(jdbc, UUID.fromString(id), Integration.CALENDAR, Integration.CRM));
	}

	@Test
	void createsBookingWithLocationAndOneTimeToken() {
		Instant start = Slots.fresh();
		Http.Response created = http.post("/api/bookings", booking(email(), start));

		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/bookings/" + id);
		assertThat(created.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(created.json().path("startTime").asString()).isEqualTo(start.toString());
		assertThat(created.json().path("endTime").asString()).isEqualTo(start.plusSeconds(1800).toString());
		assertThat(created.json().path("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(created.json().path("manageToken").asString()).hasSize(43);
		assertThat(created.json().path("manageUrl").asString()).isEqualTo("http://localhost:8080/manage.html?id=" + id
				+ "#token=" + created.json().path("manageToken").asString());

		Http.Response read = http.get("/api/bookings/" + id, "X-Booking-Token",
				created.json().path("manageToken").asString());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().has("manageToken")).isFalse();
		assertThat(read.json().has("manageUrl")).isFalse();
		assertThat(read.json().path("inquiry").asString()).isEqualTo("Demo please\nwith two lines");
	}

	@Test
	void reschedulesAndEditsWithTheToken() {
		Http.Response created = http.post("/api/bookings", booking(email(), Slots.fresh()));
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();
		Instant later = Slots.fresh();

		Http.Response moved = http.patch("/api/bookings/" + id,
				Map.of("startTime", later.toString(), "durationMinutes", 60, "company", "Babbage & Co"),
				"X-Booking-Token", token);

		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().path("startTime").asString()).isEqualTo(later.toString());
		assertThat(moved.json().path("endTime").asString()).isEqualTo(later.plusSeconds(3600).toString());
		assertThat(moved.json().path("company").asString()).isEqualTo("Babbage & Co");
		assertThat(moved.json().path("name").asString()).isEqualTo("Ada Lovelace");
		long revision = jdbc.sql("SELECT revision FROM booking WHERE id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single();
		assertThat(revision).isEqualTo(2);
	}

	@Test
	void cancelIsIdempotentAndFreesTheSlot() {
		Instant start = Slots.fresh();
		Http.Response created = http.post("/api/bookings", booking(email(), start));
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();

		Http.Response first = http.delete("/api/bookings/" + id, "X-Booking-Token", token);
		Http.Response second = http.delete("/api/bookings/" + id, "X-Booking-Token", token);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().path("updatedAt").asString()).isEqualTo(first.json().path("updatedAt").asString());
		Http.Response change = http.patch("/api/bookings/" + id, Map.of("name", "Someone"), "X-Booking-Token", token);
		assertThat(change.status()).isEqualTo(409);
		assertThat(change.problemType()).isEqualTo("booking-cancelled");
		assertThat(http.post("/api/bookings", booking(email(), start)).status()).isEqualTo(201);
	}

	@Test
	void refusesOverlapWithBufferAsSlotUnavailable() {
		Instant start = Slots.fresh();
		assertThat(http.post("/api/bookings", booking(email(), start)).status()).isEqualTo(201);
		long before = rows();

		Http.Response clash = http.post("/api/bookings", booking(email(), start));

		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.problemType()).isEqualTo("slot-unavailable");
		assertThat(clash.header("Content-Type")).startsWith("application/problem+json");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void refusesPastSlotAsNotOffered() {
		Http.Response past = http.post("/api/bookings", booking(email(), Instant.parse("2020-01-06T10:00:00Z")));

		assertThat(past.status()).isEqualTo(422);
		assertThat(past.problemType()).isEqualTo("slot-not-offered");
	}

	@Test
	void limitsBookingsPerEmailCaseInsensitively() {
		String email = email();
		for (int i = 0; i < 3; i++) {
			String variant = i % 2 == 0 ? email : email.toUpperCase();
			assertThat(http.post("/api/bookings", booking(variant, Slots.fresh())).status()).isEqualTo(201);
		}
		long before = rows();

		Http.Response fourth = http.post("/api/bookings", booking(email, Slots.fresh()));

		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.problemType()).isEqualTo("frequency-limit-exceeded");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void adminListsNewestFirstAndFilters() {
		String email = email();
		String first = http.post("/api/bookings", booking(email, Slots.fresh())).json().path("id").asString();
		String second = http.post("/api/bookings", booking(email, Slots.fresh())).json().path("id").asString();
		awaitSyncRecorded(first);
		bookings.flagManualSync(UUID.fromString(first), Integration.CRM, "HubSpot said 401");

		Http.Response byEmail = http.get("/api/admin/bookings?email=" + email.toUpperCase(), "X-Api-Key", ADMIN);
		Http.Response flagged = http.get("/api/admin/bookings?needsManualSync=true&size=200", "X-Api-Key", ADMIN);
		Http.Response tooBig = http.get("/api/admin/bookings?size=201", "X-Api-Key", ADMIN);

		assertThat(byEmail.status()).isEqualTo(200);
		assertThat(byEmail.json().path("bookings").findValuesAsString("id")).containsExactly(second, first);
		assertThat(flagged.json().path("bookings").findValuesAsString("id")).contains(first).doesNotContain(second);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.problemType()).isEqualTo("validation-failed");
	}

	@Test
	void adminSyncClearsFlagsAndAnswersAccepted() {
		String id = http.post("/api/bookings", booking(email(), Slots.fresh())).json().path("id").asString();
		awaitSyncRecorded(id);
		bookings.flagManualSync(UUID.fromString(id), Integration.CALENDAR, "boom");

		Http.Response sync = http.post("/api/admin/bookings/" + id + "/sync", null, "X-Api-Key", ADMIN);

		assertThat(sync.status()).isEqualTo(202);
		assertThat(sync.json().path("requiresManualCalendarSync").asBoolean()).isFalse();
		assertThat(http.post("/api/admin/bookings/" + UUID.randomUUID() + "/sync", null, "X-Api-Key", ADMIN).status())
			.isEqualTo(404);
		assertThat(http.get("/api/admin/bookings/" + id + "/messages", "X-Api-Key", ADMIN)
			.json()
			.path("messages")
			.isArray()).isTrue();
	}

	@Test
	void showsAbsentFieldsAsNullAndClearsThemOnRequest() {
		Map<String, Object> body = booking(email(), Slots.fresh());
		body.remove("phone");
		Http.Response created = http.post("/api/bookings", body);
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();

		Http.Response read = http.get("/api/bookings/" + id, "X-Booking-Token", token);
		Http.Response cleared = http.patch("/api/bookings/" + id, Map.of("company", ""), "X-Booking-Token", token);

		assertThat(read.json().has("phone")).isTrue();
		assertThat(read.json().path("phone").isNull()).isTrue();
		assertThat(read.json().has("calendarEventId")).isTrue();
		assertThat(read.json().has("crmContactId")).isTrue();
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().path("company").isNull()).isTrue();
		assertThat(cleared.json().path("inquiry").asString()).startsWith("Demo please");
	}

	@Test
	void answersProblemsForUnknownRoutesBadEncodingAndHugeBodies() {
		Http.Response unknown = http.get("/api/nope");
		String badEncoding = rawGet("/api/bookings/available-slots?startDate=%ZZ");
		Http.Response huge = http.post("/api/bookings", "{\"name\": \"" + "x".repeat(200_000) + "\"}");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemType()).isEqualTo("not-found");
		assertThat(badEncoding).startsWith("HTTP/1.1 400").contains("application/problem+json", "validation-failed");
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
	}

	/** A GET sent byte for byte: HTTP clients refuse to send a malformed query string. */
	private String rawGet(String pathAndQuery) {
		try (var socket = new Socket("localhost", port)) {
			socket.getOutputStream()
				.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
