package com.acme.booking.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.acme.booking.support.Http;
import com.acme.booking.support.TestClock;
import com.acme.booking.support.WebhookReceiver;
import com.acme.booking.support.WebhookReceiver.Answer;
import com.acme.booking.support.WebhookReceiver.Received;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound webhooks as a receiver meets them, on the real Temporal server: every request
 * verified by the Standard Webhooks library, answered with failures at random, 429 with
 * {@code Retry-After} and 410 Gone; every event arrives, in order per booking, each
 * {@code webhook-id} one event, and an operator sees and redelivers the deliveries.
 */
@ExtendWith(DevServerSystem.Resolver.class)
class WebhooksSystemTest {

	private static final Duration DELIVERY = Duration.ofSeconds(60);

	static RunningApp app;

	static WebhookReceiver receiver;

	static SyncStandIns standIns;

	static Http http;

	@BeforeAll
	static void onTheDevServer(DevServerSystem system) {
		app = system.app;
		receiver = system.webhooks;
		standIns = system.standIns;
		http = new Http(app.port());
	}

	@Test
	void everyEventReachesTheEndpointSignedInOrderWhateverItAnswers() throws Exception {
		receiver.answer("/all", Answer.FLAKY);
		try {
			Map<String, Object> booking = app.book(30, RunningApp.slot(0, 3));
			String id = (String) booking.get("id");
			app.rename(booking, "Customer Thirty");
			app.reschedule(booking, RunningApp.slot(1, 3));
			app.cancel(booking);

			await().atMost(DELIVERY)
				.until(() -> acceptedTypes("/all", id).contains("booking.cancelled")
						&& acceptedTypes("/created", id).contains("booking.created"));
			List<Received> all = requests("/all", id);
			assertThat(firstSeen(all)).as("one event per webhook-id, first tried in order")
				.containsExactly("booking.created", "booking.rescheduled", "booking.cancelled");
			assertInOrder(all);
			assertThat(acceptedTypes("/created", id)).as("only what it subscribed to").containsOnly("booking.created");
			assertThat(receiver.refused()).as("every signature verified").isEmpty();

			Received cancelled = all.stream().filter(r -> r.type().equals("booking.cancelled")).findFirst().get();
			assertThat(cancelled.body().path("data").path("status").asString()).isEqualTo("CANCELLED");
			assertThat(cancelled.body().path("data").has("manageToken")).isFalse();
			assertThat(cancelled.body().path("data").path("name").asString()).isEqualTo("Customer Thirty");
			assertThat(Instant.parse(cancelled.body().path("timestamp").asString())).as("the service's clock")
				.isBeforeOrEqualTo(TestClock.now());
			assertThat(Math.abs(cancelled.timestamp() - Instant.now().getEpochSecond())).isLessThan(120);
			assertThat(cancelled.signature()).isEqualTo("v1," + hmac(cancelled));

			JsonNode deliveries = http.get("/api/admin/bookings/" + id + "/webhooks", "X-Api-Key", RunningApp.ADMIN_KEY)
				.json()
				.path("deliveries");
			assertThat(deliveries.valueStream().map(d -> d.path("status").asString())).containsOnly("DELIVERED");
			assertThat(deliveries.valueStream().map(d -> d.path("id").asString()))
				.containsExactlyInAnyOrderElementsOf(ids(id));
			for (JsonNode delivery : deliveries) {
				JsonNode attempts = delivery.path("attempts");
				assertThat(attempts.get(attempts.size() - 1).path("httpStatus").asInt() / 100).isEqualTo(2);
			}
		}
		finally {
			receiver.answer("/all", Answer.OK);
		}
	}

	@Test
	void goneDisablesTheEndpointAndARedeliveryKeepsItsWebhookId() {
		receiver.answer("/created", Answer.GONE);
		try {
			String id = (String) app.book(31, RunningApp.slot(2, 3)).get("id");
			await().atMost(DELIVERY).until(() -> disabledDelivery(id) != null);
			int goneRequests = requests("/created", id).size();
			assertThat(goneRequests).as("410 is not retried").isEqualTo(1);

			receiver.answer("/created", Answer.OK);
			String delivery = disabledDelivery(id).path("id").asString();
			Http.Response redelivered = http.post("/api/admin/bookings/" + id + "/webhooks/" + delivery + "/redeliver",
					null, "X-Api-Key", RunningApp.ADMIN_KEY);
			assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
			await().atMost(DELIVERY).until(() -> acceptedTypes("/created", id).contains("booking.created"));
			assertThat(requests("/created", id)).extracting(Received::id).containsOnly(delivery);

			String toAll = requests("/all", id).get(0).id();
			assertThat(http
				.post("/api/admin/bookings/" + id + "/webhooks/" + toAll + "/redeliver", null, "X-Api-Key",
						RunningApp.ADMIN_KEY)
				.status()).isEqualTo(202);
			await().atMost(DELIVERY).until(() -> requests("/all", id).stream().filter(Received::accepted).count() == 2);
			assertThat(requests("/all", id)).extracting(Received::id).containsOnly(toAll);

			assertThat(http
				.post("/api/admin/bookings/" + id + "/webhooks/" + UUID.randomUUID() + "/redeliver", null, "X-Api-Key",
						RunningApp.ADMIN_KEY)
				.status()).isEqualTo(404);
			assertThat(http
				.get("/api/admin/bookings/" + UUID.randomUUID() + "/webhooks", "X-Api-Key", RunningApp.ADMIN_KEY)
				.status()).isEqualTo(404);
			assertThat(http.get("/api/admin/bookings/" + id + "/webhooks").status()).isEqualTo(401);
		}
		finally {
			receiver.answer("/created", Answer.OK);
		}
	}

	@Test
	void anIntegrationFlaggedAndHealedIsAnnounced() {
		standIns.crmRefuses();
		String id;
		try {
			id = (String) app.book(32, RunningApp.slot(3, 3)).get("id");
			await().atMost(DELIVERY).until(() -> acceptedTypes("/all", id).contains("booking.sync.flagged"));
		}
		finally {
			standIns.happy();
		}
		app.retrySync(id);
		await().atMost(DELIVERY).until(() -> acceptedTypes("/all", id).contains("booking.sync.healed"));
		assertThat(firstSeen(requests("/all", id))).containsExactly("booking.created", "booking.sync.flagged",
				"booking.sync.healed");
		Received flagged = requests("/all", id).stream()
			.filter(r -> r.type().equals("booking.sync.flagged"))
			.findFirst()
			.get();
		assertThat(flagged.body().path("data").path("requiresManualCrmSync").asBoolean()).isTrue();
		JsonNode history = http.get("/api/admin/bookings/" + id + "/history", "X-Api-Key", RunningApp.ADMIN_KEY)
			.json()
			.path("changes");
		assertThat(history.valueStream().map(change -> change.path("what").path("crmSync").path("to").asString()))
			.contains("MANUAL", "SYNCED");
	}

	private static JsonNode disabledDelivery(String bookingId) {
		for (JsonNode delivery : http
			.get("/api/admin/bookings/" + bookingId + "/webhooks", "X-Api-Key", RunningApp.ADMIN_KEY)
			.json()
			.path("deliveries")) {
			if (delivery.path("endpointDisabled").asBoolean()) {
				return delivery;
			}
		}
		return null;
	}

	private static List<Received> requests(String path, String bookingId) {
		return receiver.received()
			.stream()
			.filter(r -> r.path().equals(path) && r.bookingId().equals(bookingId))
			.toList();
	}

	private static Set<String> acceptedTypes(String path, String bookingId) {
		Set<String> types = new LinkedHashSet<>();
		requests(path, bookingId).stream().filter(Received::accepted).forEach(r -> types.add(r.type()));
		return types;
	}

	private static Set<String> ids(String bookingId) {
		Set<String> ids = new LinkedHashSet<>();
		receiver.received().stream().filter(r -> r.bookingId().equals(bookingId)).forEach(r -> ids.add(r.id()));
		return ids;
	}

	/**
	 * The event of each webhook-id in the order the ids were first seen; each id always
	 * carries the same event and body.
	 */
	private static List<String> firstSeen(List<Received> requests) {
		Map<String, Received> byId = new HashMap<>();
		List<String> types = new ArrayList<>();
		for (Received request : requests) {
			Received first = byId.putIfAbsent(request.id(), request);
			if (first == null) {
				types.add(request.type());
			}
			else {
				assertThat(request.raw()).as("the same body for webhook-id " + request.id()).isEqualTo(first.raw());
			}
		}
		return types;
	}

	/** No request for an event before every earlier event was accepted. */
	private static void assertInOrder(List<Received> requests) {
		Set<String> accepted = new LinkedHashSet<>();
		List<String> order = new ArrayList<>();
		for (Received request : requests) {
			if (!order.contains(request.id())) {
				order.add(request.id());
			}
			for (String earlier : order.subList(0, order.indexOf(request.id()))) {
				assertThat(accepted).as("%s sent before %s was delivered", request.type(), earlier).contains(earlier);
			}
			if (request.accepted()) {
				accepted.add(request.id());
			}
		}
	}

	private static String hmac(Received request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(receiver.secret.substring("whsec_".length())),
				"HmacSHA256"));
		byte[] signed = mac
			.doFinal((request.id() + "." + request.timestamp() + "." + request.raw()).getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(signed);
	}

}
