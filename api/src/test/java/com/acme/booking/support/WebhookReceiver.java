package com.acme.booking.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver as a customer would run one: every request is verified with the
 * Standard Webhooks library's own verifier and the endpoint's secret; only a verified
 * request counts as received. Each path is one endpoint; what it answers is set per path
 * (2xx by default, or 500 and 429 with {@code Retry-After} at random, or 410 Gone).
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The secret every endpoint of this receiver signs with. */
	public final String secret = "whsec_" + Base64.getEncoder().encodeToString(randomKey());

	private final HttpServer server;

	private final Random random = new Random();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<String> refused = new CopyOnWriteArrayList<>();

	/** How an endpoint answers. */
	public enum Answer {

		/** 204 to every request. */
		OK,
		/** 500 to a third, 429 with {@code Retry-After: 1} to a tenth, else 200. */
		FLAKY,
		/** 410 Gone. */
		GONE

	}

	/**
	 * One verified request.
	 *
	 * @param path the endpoint
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp}
	 * @param signature the {@code webhook-signature}
	 * @param raw the body as sent
	 * @param body the body, parsed
	 * @param answered what the receiver answered
	 */
	public record Received(String path, String id, long timestamp, String signature, String raw, JsonNode body,
			int answered) {

		public String type() {
			return body.path("type").asString();
		}

		public String bookingId() {
			return body.path("data").path("id").asString();
		}

		public boolean accepted() {
			return answered / 100 == 2;
		}

	}

	public WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", this::handle);
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public void answer(String path, Answer answer) {
		answers.put(path, answer);
	}

	/** Every verified request so far, in the order they came. */
	public List<Received> received() {
		return new ArrayList<>(received);
	}

	/** Requests whose signature did not verify (none expected). */
	public List<String> refused() {
		return new ArrayList<>(refused);
	}

	/**
	 * The request's body if its signature verifies with {@code secret} (by the
	 * specification's own library); else null, its path and the reason added to
	 * {@code refused}.
	 */
	public static String verifiedBody(HttpExchange exchange, String secret, List<String> refused) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try {
			new Webhook(secret).verify(body, exchange.getRequestHeaders());
			return body;
		}
		catch (WebhookVerificationException | RuntimeException ex) {
			refused.add(exchange.getRequestURI().getPath() + ": " + ex.getMessage());
			return null;
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = verifiedBody(exchange, secret, refused);
		if (body == null) {
			respond(exchange, 401);
			return;
		}
		int status = status(answers.getOrDefault(path, Answer.OK), exchange);
		received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
				Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
				exchange.getRequestHeaders().getFirst("webhook-signature"), body, JSON.readTree(body), status));
		respond(exchange, status);
	}

	private int status(Answer answer, HttpExchange exchange) {
		return switch (answer) {
			case OK -> 204;
			case GONE -> 410;
			case FLAKY -> {
				double roll;
				synchronized (random) {
					roll = random.nextDouble();
				}
				if (roll < 0.3) {
					yield 500;
				}
				if (roll < 0.4) {
					exchange.getResponseHeaders().add("Retry-After", "1");
					yield 429;
				}
				yield 200;
			}
		};
	}

	private static void respond(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
