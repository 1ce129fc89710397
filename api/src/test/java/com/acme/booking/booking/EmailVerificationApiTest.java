package com.acme.booking.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.support.TestClock;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.workflow.Integration;
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
 * Email verification over HTTP ({@code booking.rules.verify-email=true}): a new booking
 * holds its slot as {@code PENDING_VERIFICATION}, its customer is sent one verification
 * email (recorded, mail being disabled) and nothing is pushed until the link's code comes
 * back. The hold's expiry on the workflow timer is the workflow tests' business.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "booking.rules.verify-email=true")
@ActiveProfiles("test")
class EmailVerificationApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManageLinks links;

	@Autowired
	BookingRepository bookings;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	@Test
	void aNewBookingHoldsItsSlotUntilTheCodeComesBackAndConfirmingTwiceChangesNothing() {
		Instant slot = Slots.fresh();
		String start = slot.toString();
		Http.Response created = http.post("/api/bookings", BookingApiTest.booking(BookingApiTest.email(), slot));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();
		assertThat(created.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");
		assertThat(http.get("/api/bookings/" + id, "X-Booking-Token", token).json().path("status").asString())
			.isEqualTo("PENDING_VERIFICATION");
		assertThat(http
			.get("/api/bookings/available-slots?startDate=" + start.substring(0, 10) + "&endDate="
					+ start.substring(0, 10))
			.body()).as("the hold blocks its slot").doesNotContain(start);
		assertThat(http.post("/api/bookings", BookingApiTest.booking(BookingApiTest.email(), slot)).status())
			.isEqualTo(409);

		Http.Response verified = http.get("/api/bookings/" + id + "/verify?code=" + code(id));
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(verified.json().path("startTime").asString()).isEqualTo(start);
		assertThat(verified.json().has("email")).as("the code holder learns the appointment only").isFalse();
		assertThat(verified.json().has("name")).isFalse();
		assertThat(http.get("/api/bookings/" + id, "X-Booking-Token", token).json().path("status").asString())
			.isEqualTo("CONFIRMED");
		long revision = revision(id);

		Http.Response again = http.get("/api/bookings/" + id + "/verify?code=" + code(id));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(revision(id)).as("a second confirmation changes nothing").isEqualTo(revision);
		assertThat(jdbc.sql("SELECT verified_at IS NOT NULL FROM booking WHERE id = ?")
			.param(UUID.fromString(id))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aWrongMissingOrForeignCodeIsNotFoundAndChangesNothing() {
		String id = hold();
		String other = hold();

		for (String query : List.of("?code=" + "A".repeat(43), "", "?code=", "?code=" + code(other),
				"?code=" + links.tokenFor(booking(id)))) {
			Http.Response refused = http.get("/api/bookings/" + id + "/verify" + query);
			assertThat(refused.status()).as(query).isEqualTo(404);
			assertThat(refused.problemType()).isEqualTo("not-found");
		}
		assertThat(http.get("/api/bookings/not-a-uuid/verify?code=x").status()).isEqualTo(404);
		UUID unknown = UUID.randomUUID();
		assertThat(http.get("/api/bookings/" + unknown + "/verify?code=" + links.verifyUrl(unknown).split("#code=")[1])
			.status()).isEqualTo(404);
		assertThat(status(id)).isEqualTo("PENDING_VERIFICATION");
	}

	@Test
	void aHoldPastItsEndOrWithdrawnCannotBeConfirmed() {
		String late = hold();
		jdbc.sql("UPDATE booking SET hold_expires_at = ? WHERE id = ?")
			.params(Timestamp.from(TestClock.now().minusSeconds(1)), UUID.fromString(late))
			.update();
		assertThat(http.get("/api/bookings/" + late + "/verify?code=" + code(late)).status()).isEqualTo(404);
		// Never confirmed; its workflow may already have closed the hold.
		assertThat(status(late)).isIn("PENDING_VERIFICATION", "CANCELLED");

		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		String withdrawn = created.json().path("id").asString();
		assertThat(http
			.delete("/api/bookings/" + withdrawn, "X-Booking-Token", created.json().path("manageToken").asString())
			.status()).isEqualTo(200);
		assertThat(http.get("/api/bookings/" + withdrawn + "/verify?code=" + code(withdrawn)).status()).isEqualTo(404);
		assertThat(status(withdrawn)).isEqualTo("CANCELLED");
	}

	@Test
	void onlyTheVerificationEmailIsMadeWhileHeldWithItsCodeMaskedAndNothingIsPushed() {
		String id = hold();

		List<JsonNode> held = awaitMessages(id, 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailSyncedRevision(id) == 1);
		assertThat(held).singleElement().satisfies(mail -> {
			assertThat(mail.path("kind").asString()).isEqualTo("VERIFICATION");
			assertThat(mail.path("subject").asString()).startsWith("Please confirm your booking: ");
			assertThat(mail.path("text").asString()).contains("/verify.html?id=" + id + "#code=***")
				.doesNotContain(code(id))
				.doesNotContain("manage.html");
			assertThat(mail.path("icsSequence").asInt()).isZero();
		});
		assertThat(syncedRevisions(id)).as("no calendar or CRM pass while held").isEqualTo("0/0");

		assertThat(http.get("/api/bookings/" + id + "/verify?code=" + code(id)).status()).isEqualTo(200);
		List<JsonNode> confirmed = awaitMessages(id, 2);
		assertThat(confirmed.get(1).path("kind").asString()).isEqualTo("CONFIRMATION");
		assertThat(confirmed.get(1).path("text").asString()).contains("#token=***");
		await().atMost(Duration.ofSeconds(20)).until(() -> syncedRevisions(id).equals("2/2"));
		assertThat(messages(id)).extracting(m -> m.path("kind").asString())
			.containsExactly("VERIFICATION", "CONFIRMATION");
	}

	@Test
	void aChangedHoldGetsNoSecondVerificationEmail() {
		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		String id = created.json().path("id").asString();
		awaitMessages(id, 1);

		assertThat(http
			.patch("/api/bookings/" + id, Map.of("name", "Ada King"), "X-Booking-Token",
					created.json().path("manageToken").asString())
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> mailSyncedRevision(id) == 2);
		assertThat(messages(id)).singleElement()
			.satisfies(mail -> assertThat(mail.path("kind").asString()).isEqualTo("VERIFICATION"));
		assertThat(status(id)).isEqualTo("PENDING_VERIFICATION");
	}

	@Test
	void theFrequencyLimitCountsHoldsEvenOnceWithdrawn() {
		String email = BookingApiTest.email();
		List<Http.Response> holds = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Http.Response created = http.post("/api/bookings", BookingApiTest.booking(email, Slots.fresh()));
			assertThat(created.status()).isEqualTo(201);
			holds.add(created);
		}
		Http.Response first = holds.get(0);
		http.delete("/api/bookings/" + first.json().path("id").asString(), "X-Booking-Token",
				first.json().path("manageToken").asString());

		Http.Response fourth = http.post("/api/bookings", BookingApiTest.booking(email, Slots.fresh()));
		assertThat(fourth.status()).as("each hold sent an email to this address").isEqualTo(429);
		assertThat(fourth.problemType()).isEqualTo("frequency-limit-exceeded");
	}

	private String hold() {
		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		assertThat(created.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");
		return created.json().path("id").asString();
	}

	private String code(String id) {
		return links.verifyUrl(UUID.fromString(id)).split("#code=")[1];
	}

	private Booking booking(String id) {
		return bookings.findById(UUID.fromString(id)).orElseThrow();
	}

	private String status(String id) {
		return jdbc.sql("SELECT status FROM booking WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single();
	}

	private long revision(String id) {
		return jdbc.sql("SELECT revision FROM booking WHERE id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single();
	}

	private long mailSyncedRevision(String id) {
		return SyncedRevisions.of(jdbc, UUID.fromString(id), Integration.MAIL);
	}

	private String syncedRevisions(String id) {
		UUID bookingId = UUID.fromString(id);
		return SyncedRevisions.of(jdbc, bookingId, Integration.CALENDAR) + "/"
				+ SyncedRevisions.of(jdbc, bookingId, Integration.CRM);
	}

	private List<JsonNode> awaitMessages(String id, int count) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> messages(id), messages -> messages.size() >= count);
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
