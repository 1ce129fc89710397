package com.acme.booking.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.booking.sync.RetryAfter;
import com.acme.booking.webhook.WebhookDeliveries.Attempt;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends one signed webhook request: {@code POST} of the frozen body with
 * {@code webhook-id}, {@code webhook-timestamp} (this attempt's Unix seconds) and
 * {@code webhook-signature} ({@code v1,} and the base64 HMAC-SHA256 of
 * {@code id.timestamp.body}, made by the specification's own library).
 * {@code booking.webhooks.timeout} (10s) to connect and as long for the answer; redirects
 * are not followed. Unless private addresses are allowed, the host is resolved and
 * checked right before the request, so a name that has come to point inside the network
 * since startup is refused.
 */
@Component
class WebhookSender {

	private final Duration timeout;

	private final HttpClient http;

	private final boolean allowPrivateAddresses;

	private final Clock clock;

	@Autowired
	WebhookSender(WebhookProperties properties, ObjectProvider<Clock> clock) {
		this(properties.allowPrivateAddresses(), properties.timeout(), clock.getIfAvailable(Clock::systemUTC));
	}

	WebhookSender(boolean allowPrivateAddresses, Duration timeout, Clock clock) {
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.timeout = timeout;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	Outcome send(WebhookProperties.Endpoint endpoint, UUID id, String body) {
		Instant at = clock.instant();
		long started = System.nanoTime();
		URI url = endpoint.url();
		try {
			if (!allowPrivateAddresses) {
				String refusal = PublicAddresses.refusal(url.getHost());
				if (refusal != null) {
					return Outcome.refused(at, refusal);
				}
			}
			// The receiver checks the timestamp against its own clock (replay
			// protection):
			// it is the wall clock's time of this request, whatever the service's clock
			// says.
			long timestamp = System.currentTimeMillis() / 1000;
			String signature = new Webhook(endpoint.secret()).sign(id.toString(), timestamp, body);
			HttpRequest request = HttpRequest.newBuilder(url)
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.header("User-Agent", "booking-service-webhooks")
				.header("webhook-id", id.toString())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			// The answer's body means nothing here; closing it never waits for it.
			response.body().close();
			int status = response.statusCode();
			Duration retryAfter = status == 429 || status == 503
					? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()) : null;
			return new Outcome(new Attempt(at, status, status / 100 == 2 ? null : "HTTP " + status, millis(started)),
					retryAfter, false);
		}
		catch (UnknownHostException ex) {
			return Outcome.failed(at, "unknown host " + url.getHost(), millis(started));
		}
		catch (HttpTimeoutException ex) {
			return Outcome.failed(at, "no answer within " + timeout.toMillis() + " ms", millis(started));
		}
		catch (IOException ex) {
			return Outcome.failed(at, ex.getClass().getSimpleName() + ": " + ex.getMessage(), millis(started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.failed(at, "interrupted", millis(started));
		}
		catch (WebhookSigningException ex) {
			throw new IllegalStateException("Webhook could not be signed: " + ex.getMessage(), ex);
		}
	}

	private static long millis(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	/**
	 * What one request came to.
	 *
	 * @param retryAfter the wait a 429 or 503 asked for; null when none
	 * @param refused not sent: the endpoint's address is not public
	 */
	record Outcome(Attempt attempt, Duration retryAfter, boolean refused) {

		static Outcome failed(Instant at, String error, long millis) {
			return new Outcome(new Attempt(at, null, error, millis), null, false);
		}

		static Outcome refused(Instant at, String why) {
			return new Outcome(new Attempt(at, null, why, 0), null, true);
		}

		boolean delivered() {
			return attempt.httpStatus() != null && attempt.httpStatus() / 100 == 2;
		}

		/** {@code 410 Gone}: the receiver wants no more. */
		boolean gone() {
			return attempt.httpStatus() != null && attempt.httpStatus() == 410;
		}

	}

}
