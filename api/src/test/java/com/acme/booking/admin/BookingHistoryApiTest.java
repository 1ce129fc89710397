package com.acme.booking.admin;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking's history over HTTP, as support staff read it: who made each change (the
 * customer with the manage token, an operator with the admin key) and what it changed; a
 * refused change is not in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BookingHistoryApiTest {

	static final String ADMIN = "test-admin-key";

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	@Test
	void showsWhoChangedWhatOldestFirst() {
		Instant first = Slots.fresh();
		Instant second = Slots.fresh();
		Http.Response created = http.post("/api/bookings", Map.of("name", "Ada Lovelace", "email",
				"history-" + UUID.randomUUID() + "@example.com", "startTime", first.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();
		String path = "/api/bookings/" + id;

		assertThat(http.patch(path, Map.of("name", "Ada King"), "X-Booking-Token", token).status()).isEqualTo(200);
		assertThat(http.patch(path, Map.of("startTime", second.toString()), "X-Api-Key", ADMIN).status())
			.isEqualTo(200);
		assertThat(http.patch(path, Map.of("durationMinutes", 1), "X-Booking-Token", token).status()).as("refused")
			.isEqualTo(400);
		assertThat(http.delete(path, "X-Booking-Token", token).status()).isEqualTo(200);
		Http.Response history = http.get("/api/admin/bookings/" + id + "/history", "X-Api-Key", ADMIN);

		assertThat(history.status()).as(history.body()).isEqualTo(200);
		JsonNode changes = history.json().path("changes");
		assertThat(changes).hasSize(4);
		assertThat(changes.valueStream().map(change -> change.path("source").asString())).containsExactly("CUSTOMER",
				"CUSTOMER", "OPERATOR", "CUSTOMER");
		assertThat(changes.get(0).path("what").path("status").path("to").asString()).isEqualTo("CONFIRMED");
		assertThat(changes.get(1).path("what").propertyNames()).containsExactly("name");
		assertThat(changes.get(1).path("what").path("name").path("from").asString()).isEqualTo("Ada Lovelace");
		assertThat(changes.get(1).path("what").path("name").path("to").asString()).isEqualTo("Ada King");
		JsonNode moved = changes.get(2).path("what").path("startTime");
		assertThat(Instant.parse(moved.path("from").asString())).isEqualTo(first);
		assertThat(Instant.parse(moved.path("to").asString())).isEqualTo(second);
		assertThat(changes.get(3).path("what").path("status").path("to").asString()).isEqualTo("CANCELLED");
		Instant at = Instant.parse(changes.get(3).path("at").asString());
		assertThat(at).isAfterOrEqualTo(Instant.parse(changes.get(0).path("at").asString()));
	}

	@Test
	void isForOperatorsOnly() {
		String unknown = "/api/admin/bookings/" + UUID.randomUUID() + "/history";

		assertThat(http.get(unknown).status()).isEqualTo(401);
		assertThat(http.get(unknown, "X-Api-Key", ADMIN).status()).isEqualTo(404);
		assertThat(http.get("/api/admin/bookings/not-an-id/history", "X-Api-Key", ADMIN).problemType())
			.isEqualTo("not-found");
	}

}
