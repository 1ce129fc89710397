package com.acme.booking.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.acme.booking.support.WebhookReceiver;
import com.acme.booking.webhook.WebhookDeliveries;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * Two webhook receivers ({@code /all}: every event; {@code /some}: creations and
 * cancellations) that verify every request with the Standard Webhooks library and answer
 * as the {@link ChaosPlan} says: 500, 429 with {@code Retry-After: 1}, late but in time,
 * or taken and then answered only after the sender gave up (it sends the delivery again).
 * {@link #check} compares what they took with the deliveries PostgreSQL holds.
 */
final class WebhookStandIn implements AutoCloseable {

	static final String NAME = "webhooks";

	static final String ALL = "/all";

	static final String SOME = "/some";

	final String secret = "whsec_" + Base64.getEncoder().encodeToString(randomKey());

	private final ChaosPlan plan;

	private final Duration timeout;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(32);

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<String> unverified = new CopyOnWriteArrayList<>();

	/**
	 * One verified request.
	 *
	 * @param inTime answered 2xx before the sender's timeout: the sender counts it
	 * delivered
	 */
	record Request(String path, String id, String type, UUID bookingId, String body, boolean inTime) {
	}

	WebhookStandIn(ChaosPlan plan, Duration timeout) throws IOException {
		this.plan = plan;
		this.timeout = timeout;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	/** The service's settings for the two receivers. */
	List<String> settings() {
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		return List.of("booking.webhooks.endpoints[0].url=" + base + ALL,
				"booking.webhooks.endpoints[0].secret=" + secret, "booking.webhooks.endpoints[1].url=" + base + SOME,
				"booking.webhooks.endpoints[1].secret=" + secret,
				"booking.webhooks.endpoints[1].events=booking.created,booking.cancelled",
				"booking.webhooks.allow-private-addresses=true",
				"booking.webhooks.timeout=" + timeout.toMillis() + "ms",
				"booking.webhooks.retry.initial-interval=100ms", "booking.webhooks.retry.maximum-interval=1s",
				"booking.webhooks.retry.maximum-attempts=40", "logging.level.com.acme.booking.webhook=ERROR");
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = WebhookReceiver.verifiedBody(exchange, secret, unverified);
		if (body == null) {
			answer(exchange, 401, Duration.ZERO);
			return;
		}
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		JsonNode json = StandIn.JSON.readTree(body);
		String type = json.path("type").asString();
		UUID bookingId = UUID.fromString(json.path("data").path("id").asString());
		ChaosPlan.Fault fault = plan.next(NAME, path + " " + id);
		switch (fault) {
			case NONE -> taken(exchange, path, id, type, bookingId, body, Duration.ZERO);
			case SLOW -> taken(exchange, path, id, type, bookingId, body, timeout.dividedBy(3));
			case SERVER_ERROR -> answer(exchange, 500, Duration.ZERO);
			case RATE_LIMITED -> {
				exchange.getResponseHeaders().add("Retry-After", "1");
				answer(exchange, 429, Duration.ZERO);
			}
			case LOST_RESET, LOST_TIMEOUT -> {
				// Taken, but the answer comes after the sender gave up: it sends again.
				requests.add(new Request(path, id, type, bookingId, body, false));
				answer(exchange, 204, timeout.plus(timeout.dividedBy(2)));
			}
		}
	}

	private void taken(HttpExchange exchange, String path, String id, String type, UUID bookingId, String body,
			Duration late) throws IOException {
		requests.add(new Request(path, id, type, bookingId, body, true));
		answer(exchange, 200, late);
	}

	private static void answer(HttpExchange exchange, int status, Duration late) throws IOException {
		if (!late.isZero()) {
			try {
				Thread.sleep(late.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			exchange.sendResponseHeaders(status, -1);
		}
		catch (IOException gone) {
			// The sender gave up and closed the connection.
		}
		exchange.close();
	}

	/**
	 * What is wrong with the webhooks of {@code bookings}, given the deliveries
	 * PostgreSQL holds; empty when every event reached every subscribed endpoint at least
	 * once, in order per booking, with one event and one body per {@code webhook-id},
	 * every request signed.
	 * @param flagged the bookings whose webhooks wait for an operator (not expected
	 * delivered)
	 */
	List<String> check(WebhookDeliveries deliveries, List<UUID> bookings, Set<UUID> flagged) {
		List<String> wrong = new ArrayList<>(unverified);
		Map<String, Request> byId = new HashMap<>();
		for (Request request : requests) {
			Request first = byId.putIfAbsent(request.id(), request);
			if (first != null && (!first.body().equals(request.body()) || !first.path().equals(request.path()))) {
				wrong.add("webhook-id " + request.id() + " carried two different events or endpoints");
			}
		}
		for (UUID booking : bookings) {
			if (!flagged.contains(booking) && !deliveries.undelivered(booking).isEmpty()) {
				wrong.add(booking + ": events without deliveries " + deliveries.undelivered(booking));
			}
			List<WebhookDeliveries.Delivery> made = deliveries.of(booking);
			if (made.stream()
				.noneMatch(d -> d.endpoint().endsWith(ALL) && d.event().type().equals("booking.created"))) {
				wrong.add(booking + ": no booking.created delivery");
			}
			for (String path : List.of(ALL, SOME)) {
				List<String> expected = made.stream()
					.filter(d -> d.endpoint().endsWith(path))
					.filter(d -> d.status().equals("DELIVERED") || !flagged.contains(booking))
					.map(d -> d.id().toString())
					.toList();
				wrong.addAll(order(booking, path, expected));
				made.stream()
					.filter(d -> d.endpoint().endsWith(path) && byId.containsKey(d.id().toString()))
					.filter(d -> !byId.get(d.id().toString()).type().equals(d.event().type()))
					.forEach(d -> wrong.add(d.id() + ": received as another event"));
			}
		}
		return wrong;
	}

	/**
	 * Every expected id reached {@code path}, first in the order of the booking's
	 * changes, and none was sent before the ones before it were taken in time.
	 */
	private List<String> order(UUID booking, String path, List<String> expected) {
		List<String> wrong = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		Set<String> delivered = new LinkedHashSet<>();
		for (Request request : requests) {
			if (!request.path().equals(path) || !request.bookingId().equals(booking)) {
				continue;
			}
			if (!seen.contains(request.id())) {
				seen.add(request.id());
			}
			for (String earlier : seen.subList(0, seen.indexOf(request.id()))) {
				if (!delivered.contains(earlier)) {
					wrong.add(booking + " at " + path + ": " + request.type() + " sent before " + earlier
							+ " was delivered");
					return wrong;
				}
			}
			if (request.inTime()) {
				delivered.add(request.id());
			}
		}
		if (!delivered.containsAll(expected)) {
			wrong.add(booking + " at " + path + ": not delivered "
					+ expected.stream().filter(id -> !delivered.contains(id)).toList());
		}
		if (!seen.subList(0, Math.min(seen.size(), expected.size())).equals(expected)) {
			wrong.add(booking + " at " + path + ": first sent in the order " + seen + ", changes in the order "
					+ expected);
		}
		return wrong;
	}

	/** Requests taken, each webhook-id counted once. */
	long taken() {
		return requests.stream().map(Request::id).distinct().count();
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
