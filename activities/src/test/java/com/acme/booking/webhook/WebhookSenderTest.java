package com.acme.booking.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One webhook request against a receiver over HTTP: signed as the specification says
 * (checked by its own verifier), redirects not followed, {@code Retry-After} read (and
 * never waited less than the retry policy's own wait), a private address refused before
 * any request.
 */
class WebhookSenderTest {

	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

	HttpServer server;

	final List<Request> requests = new CopyOnWriteArrayList<>();

	volatile int status = 204;

	/** Holds every answer back while closed. */
	volatile CountDownLatch answering = new CountDownLatch(0);

	final Map<String, String> answerHeaders = new ConcurrentHashMap<>();

	record Request(Headers headers, String body) {
	}

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				requests.add(new Request(exchange.getRequestHeaders(),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			try {
				answering.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		answering.countDown();
		server.stop(0);
	}

	@Test
	void signsTheRequestAsTheSpecificationsOwnVerifierExpects() throws Exception {
		UUID id = UUID.randomUUID();
		String body = "{\"type\":\"booking.created\",\"data\":{\"name\":\"Zoë\"}}";

		WebhookSender.Outcome outcome = sender(true).send(endpoint(), id, body);

		assertThat(outcome.delivered()).isTrue();
		Request request = requests.get(0);
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.headers().getFirst("webhook-id")).isEqualTo(id.toString());
		assertThat(request.headers().getFirst("webhook-signature")).startsWith("v1,");
		assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
		new Webhook(SECRET).verify(request.body(), request.headers());
	}

	@Test
	void signsWithTheWallClocksTimeWhateverTheServicesClockSays() throws Exception {
		Clock ahead = Clock.fixed(Instant.now().plus(Duration.ofDays(120)), ZoneOffset.UTC);
		WebhookSender sender = new WebhookSender(true, Duration.ofSeconds(10), ahead);

		assertThat(sender.send(endpoint(), UUID.randomUUID(), "{}").delivered()).isTrue();

		Request request = requests.get(0);
		new Webhook(SECRET).verify(request.body(), request.headers());
	}

	@Test
	void aRedirectIsNotFollowedAndNotDelivered() {
		status = 302;
		answerHeaders.put("Location", "http://127.0.0.1:1/elsewhere");

		WebhookSender.Outcome outcome = sender(true).send(endpoint(), UUID.randomUUID(), "{}");

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempt().httpStatus()).isEqualTo(302);
		assertThat(requests).hasSize(1);
	}

	@Test
	void readsRetryAfterOf429And503AndKnowsGone() {
		status = 429;
		answerHeaders.put("Retry-After", "7");
		assertThat(sender(true).send(endpoint(), UUID.randomUUID(), "{}").retryAfter())
			.isEqualTo(Duration.ofSeconds(7));
		status = 503;
		assertThat(sender(true).send(endpoint(), UUID.randomUUID(), "{}").retryAfter())
			.isEqualTo(Duration.ofSeconds(7));
		status = 500;
		assertThat(sender(true).send(endpoint(), UUID.randomUUID(), "{}").retryAfter()).isNull();
		status = 410;
		assertThat(sender(true).send(endpoint(), UUID.randomUUID(), "{}").gone()).isTrue();
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeFails() {
		answering = new CountDownLatch(1);
		WebhookSender impatient = new WebhookSender(true, Duration.ofMillis(300), Clock.systemUTC());

		WebhookSender.Outcome outcome = impatient.send(endpoint(), UUID.randomUUID(), "{}");

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.attempt().httpStatus()).isNull();
		assertThat(outcome.attempt().error()).isEqualTo("no answer within 300 ms");
		assertThat(outcome.attempt().durationMillis()).isBetween(300L, 5_000L);
	}

	@Test
	void refusesAnEndpointOnAPrivateAddressBeforeAnyRequest() {
		WebhookSender.Outcome outcome = sender(false).send(endpoint(), UUID.randomUUID(), "{}");

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.attempt().error()).contains("127.0.0.1", "not a public address");
		assertThat(requests).isEmpty();
	}

	@Test
	void namesAnEndpointWithoutItsQueryOrUserInfo() {
		WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint(
				URI.create("https://user:pw@hooks.example.com:8443/in/bookings?key=secret-key"), SECRET, null);

		assertThat(WebhookSyncActivitiesImpl.shown(endpoint)).isEqualTo("https://hooks.example.com:8443/in/bookings");
	}

	private WebhookProperties.Endpoint endpoint() {
		return new WebhookProperties.Endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
				SECRET, null);
	}

	private static WebhookSender sender(boolean allowPrivateAddresses) {
		return new WebhookSender(allowPrivateAddresses, Duration.ofSeconds(10), Clock.systemUTC());
	}

	@Test
	void aShortRetryAfterWaitsAtLeastTheRetryPolicysOwnWait() {
		WebhookProperties.Retry retry = new WebhookProperties.Retry(Duration.ofSeconds(10), Duration.ofHours(1), 2.0,
				35);
		assertThat(WebhookSyncActivitiesImpl.retryDelay(Duration.ZERO, retry, 1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(WebhookSyncActivitiesImpl.retryDelay(Duration.ofSeconds(1), retry, 4))
			.isEqualTo(Duration.ofSeconds(80));
		assertThat(WebhookSyncActivitiesImpl.retryDelay(Duration.ofSeconds(1), retry, 34))
			.isEqualTo(Duration.ofHours(1));
		assertThat(WebhookSyncActivitiesImpl.retryDelay(Duration.ofMinutes(30), retry, 2))
			.as("a longer Retry-After is honoured")
			.isEqualTo(Duration.ofMinutes(30));
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < retry.maximumAttempts(); attempt++) {
			total = total.plus(WebhookSyncActivitiesImpl.retryDelay(Duration.ZERO, retry, attempt));
		}
		assertThat(total).as("Retry-After: 0 on every attempt").isGreaterThanOrEqualTo(Duration.ofHours(24));
	}

}
