package com.acme.booking.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import com.acme.booking.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static com.acme.booking.booking.BookingApiTest.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Manage links over HTTP: an operator revokes a leaked one and the customer is mailed a
 * new one; a link stops working {@code booking.security.manage-link-ttl} after the
 * appointment's end; an expired or revoked token is a 404 like any wrong token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ManageLinkApiTest {

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
	void anOperatorRevokesALeakedLinkAndTheCustomerIsMailedTheNewOne() {
		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		String id = created.json().path("id").asString();
		String leaked = created.json().path("manageToken").asString();
		String path = "/api/admin/bookings/" + id + "/manage-link";

		assertThat(http.post(path, null).status()).isEqualTo(401);
		assertThat(http.post(path, null, "X-Api-Key", "wrong").status()).isEqualTo(401);
		assertThat(http.get("/api/bookings/" + id, "X-Booking-Token", leaked).status()).as("before").isEqualTo(200);
		Http.Response reissued = http.post(path, null, "X-Api-Key", ADMIN);

		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		String token = reissued.json().path("manageToken").asString();
		assertThat(token).hasSize(43).isNotEqualTo(leaked);
		assertThat(reissued.json().path("manageUrl").asString())
			.isEqualTo("http://localhost:8080/manage.html?id=" + id + "#token=" + token);
		assertThat(reissued.json().path("id").asString()).isEqualTo(id);
		Http.Response refused = http.get("/api/bookings/" + id, "X-Booking-Token", leaked);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.problemType()).isEqualTo("not-found");
		assertThat(http.patch("/api/bookings/" + id, Map.of("name", "Mallory"), "X-Booking-Token", leaked).status())
			.isEqualTo(404);
		assertThat(http.delete("/api/bookings/" + id, "X-Booking-Token", leaked).status()).isEqualTo(404);
		assertThat(http.get("/api/bookings/" + id + "/calendar.ics", "X-Booking-Token", leaked).status())
			.isEqualTo(404);
		assertThat(http.get("/api/bookings/" + id, "X-Booking-Token", token).json().path("status").asString())
			.isEqualTo("CONFIRMED");

		JsonNode mail = awaitMessage(id, "NEW_LINK");
		assertThat(mail.path("subject").asString()).startsWith("Your new link for your booking: ");
		assertThat(mail.path("text").asString()).contains("http://localhost:8080/manage.html?id=" + id + "#token=***")
			.doesNotContain(token)
			.doesNotContain(leaked);
	}

	@Test
	void revokingTheLinkOfAnUnknownBookingIsNotFound() {
		Http.Response unknown = http.post("/api/admin/bookings/" + UUID.randomUUID() + "/manage-link", null,
				"X-Api-Key", ADMIN);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemType()).isEqualTo("not-found");
		assertThat(http.post("/api/admin/bookings/not-a-uuid/manage-link", null, "X-Api-Key", ADMIN).status())
			.isEqualTo(404);
	}

	@Test
	void aLinkStopsWorkingThirtyDaysAfterTheAppointmentsEnd() {
		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();

		endedDaysAgo(id, 29);
		assertThat(http.get("/api/bookings/" + id, "X-Booking-Token", token).status()).isEqualTo(200);

		endedDaysAgo(id, 31);
		Http.Response expired = http.get("/api/bookings/" + id, "X-Booking-Token", token);
		assertThat(expired.status()).isEqualTo(404);
		assertThat(expired.problemType()).isEqualTo("not-found");
		assertThat(http.delete("/api/bookings/" + id, "X-Booking-Token", token).status()).isEqualTo(404);
		assertThat(http.get("/api/bookings/" + id, "X-Api-Key", ADMIN).status()).as("operators still see it")
			.isEqualTo(200);
	}

	@Test
	void recordedEmailsKeepTheirLinkWithTheTokenMasked() {
		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();

		JsonNode confirmation = awaitMessage(id, "CONFIRMATION");

		assertThat(confirmation.path("text").asString()).contains("/manage.html?id=" + id + "#token=***")
			.doesNotContain(token);
		assertThat(jdbc.sql("SELECT count(*) FROM booking_message WHERE text_body LIKE ? OR html_body LIKE ?")
			.params("%" + token + "%", "%" + token + "%")
			.query(Long.class)
			.single()).isZero();
	}

	/** Moves the appointment so that it ended {@code days} days ago. */
	private void endedDaysAgo(String id, int days) {
		// By the service's clock, which a pinned test run moves away from PostgreSQL's.
		Instant end = TestClock.now().minus(Duration.ofDays(days));
		jdbc.sql("UPDATE booking SET start_time = ?, end_time = ? WHERE id = ?")
			.params(Timestamp.from(end.minus(Duration.ofMinutes(30))), Timestamp.from(end), UUID.fromString(id))
			.update();
	}

	private JsonNode awaitMessage(String id, String kind) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> messages(id).stream().filter(m -> m.path("kind").asString().equals(kind)).findFirst(),
					found -> found.isPresent())
			.orElseThrow();
	}

	private List<JsonNode> messages(String id) {
		List<JsonNode> list = new ArrayList<>();
		http.get("/api/admin/bookings/" + id + "/messages", "X-Api-Key", ADMIN)
			.json()
			.path("messages")
			.forEach(list::add);
		return list;
	}

}
