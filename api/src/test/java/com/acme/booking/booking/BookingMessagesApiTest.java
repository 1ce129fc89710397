package com.acme.booking.booking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.booking.BookingApiTest.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emails as operators read them over HTTP, with mail disabled (the embedded default):
 * every change is rendered and recorded, nothing is sent.
 */
@RunningService
class BookingMessagesApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingRepository bookings;

	@Test
	void createRescheduleAndCancelAreRecordedForTheMessagesEndpoint() {
		Http http = new Http(port);
		String email = BookingApiTest.email();
		Http.Response created = http.post("/api/bookings", BookingApiTest.booking(email, Slots.fresh()));
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();
		awaitMessages(http, id, 1);
		http.patch("/api/bookings/" + id, Map.of("startTime", Slots.fresh().toString()), "X-Booking-Token", token);
		awaitMessages(http, id, 2);
		http.delete("/api/bookings/" + id, "X-Booking-Token", token);

		List<JsonNode> messages = awaitMessages(http, id, 3);
		assertThat(messages).extracting(m -> m.path("kind").asString())
			.containsExactly("CONFIRMATION", "UPDATE", "CANCELLATION");
		assertThat(messages).extracting(m -> m.path("revision").asLong()).containsExactly(1L, 2L, 3L);
		assertThat(messages).extracting(m -> m.path("icsSequence").asInt()).containsExactly(0, 1, 2);
		assertThat(messages).allSatisfy(m -> {
			assertThat(m.path("delivery").asString()).isEqualTo("RECORDED");
			assertThat(m.path("recipients").get(0).asString()).isEqualTo(email);
			assertThat(m.path("sentAt").isNull()).isFalse();
			assertThat(m.path("text").asString()).contains("Hello Ada Lovelace,");
		});
		assertThat(messages.get(0).path("subject").asString()).startsWith("Booking confirmed: ");
		// What is kept of an email is no key to the booking: the link's token is masked.
		assertThat(messages).allSatisfy(m -> assertThat(m.path("text").asString()).doesNotContain(token));
		assertThat(messages.get(0).path("text").asString())
			.contains("http://localhost:8080/manage.html?id=" + id + "#token=***");
		assertThat(messages.get(2).path("subject").asString()).startsWith("Booking cancelled: ");
	}

	@Test
	void theMessagesEndpointNeedsTheAdminKeyAndAnExistingBooking() {
		Http http = new Http(port);
		String id = http.post("/api/bookings", BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()))
			.json()
			.path("id")
			.asString();

		assertThat(http.get("/api/admin/bookings/" + id + "/messages").status()).isEqualTo(401);
		assertThat(http.get("/api/admin/bookings/" + id + "/messages", "X-Api-Key", "wrong").status()).isEqualTo(401);
		Http.Response unknown = http.get("/api/admin/bookings/" + UUID.randomUUID() + "/messages", "X-Api-Key", ADMIN);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemType()).isEqualTo("not-found");
		assertThat(http.get("/api/admin/bookings/not-a-uuid/messages", "X-Api-Key", ADMIN).status()).isEqualTo(404);
	}

	@Test
	void aMailFlagShowsInTheAdminListAndAnOperatorSyncClearsIt() {
		Http http = new Http(port);
		String email = BookingApiTest.email();
		String id = http.post("/api/bookings", BookingApiTest.booking(email, Slots.fresh()))
			.json()
			.path("id")
			.asString();
		awaitMessages(http, id, 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> SyncedRevisions.caughtUp(jdbc, UUID.fromString(id), Integration.MAIL));
		bookings.flagManualSync(UUID.fromString(id), Integration.MAIL, "The SMTP server cannot be reached");

		JsonNode flagged = http.get("/api/admin/bookings?needsManualSync=true&email=" + email, "X-Api-Key", ADMIN)
			.json()
			.path("bookings")
			.get(0);
		assertThat(flagged.path("requiresManualMailSync").asBoolean()).isTrue();
		assertThat(flagged.path("mailSyncError").asString()).isEqualTo("The SMTP server cannot be reached");

		Http.Response sync = http.post("/api/admin/bookings/" + id + "/sync", null, "X-Api-Key", ADMIN);
		assertThat(sync.status()).isEqualTo(202);
		assertThat(sync.json().path("requiresManualMailSync").asBoolean()).isFalse();
		// The retried email is already recorded for this revision: it is not made a
		// second time.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> SyncedRevisions.caughtUp(jdbc, UUID.fromString(id), Integration.MAIL));
		assertThat(messages(http, id)).hasSize(1);
	}

	private static List<JsonNode> awaitMessages(Http http, String id, int count) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> messages(http, id), messages -> messages.size() >= count);
	}

	private static List<JsonNode> messages(Http http, String id) {
		Http.Response response = http.get("/api/admin/bookings/" + id + "/messages", "X-Api-Key", ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		response.json().path("messages").forEach(list::add);
		return list;
	}

}
