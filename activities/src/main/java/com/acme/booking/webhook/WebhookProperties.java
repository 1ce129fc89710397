package com.acme.booking.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.acme.booking.config.PositiveDuration;
import com.acme.booking.workflow.SyncRetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound webhooks ({@code booking.webhooks.*}): where the booking's events go, and how
 * long a delivery is retried. With no endpoint configured nothing is sent.
 *
 * @param endpoints the receivers, each as {@code endpoints[n].url} (absolute http or
 * https; each URL once), {@code .secret} ({@code whsec_} and base64, at least 24 bytes)
 * and {@code .events} (a list of event types; all when left out); each gets the events it
 * subscribes to, signed with its own secret (docs/webhooks.md)
 * @param retry the Temporal retry policy of a booking's deliveries; when its attempts run
 * out the booking is flagged for manual sync ({@code WEBHOOK}) and tried again every
 * {@code booking.sync.retry.background-interval}
 * @param allowPrivateAddresses allow endpoints whose host is (or resolves to) a loopback,
 * private, link-local or otherwise non-public address; for tests and private networks.
 * Checked at startup and again before every request
 * @param timeout how long a request may take to connect, and then to be answered; a
 * receiver that takes longer counts as failed (and is tried again)
 */
@Validated
@ConfigurationProperties("booking.webhooks")
public record WebhookProperties(@Valid @NotNull @DefaultValue List<Endpoint> endpoints,
		@Valid @NotNull @DefaultValue Retry retry, @DefaultValue("false") boolean allowPrivateAddresses,
		@NotNull @PositiveDuration @DefaultValue("10s") Duration timeout) {

	/** The secret's prefix, as the specification writes it. */
	static final String SECRET_PREFIX = "whsec_";

	public WebhookProperties {
		endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
		Set<String> urls = new HashSet<>();
		for (Endpoint endpoint : endpoints) {
			if (endpoint != null && endpoint.url() != null && !urls.add(endpoint.url().toString())) {
				throw new IllegalArgumentException(
						"booking.webhooks.endpoints[]: the URL " + WebhookDeliveries.shown(endpoint.url())
								+ " is configured more than once; give each endpoint once (with its events)");
			}
		}
	}

	/**
	 * One receiver.
	 *
	 * @param url where the events are POSTed: an absolute {@code http} or {@code https}
	 * URL; redirects are not followed
	 * @param secret the signing secret, {@code whsec_} followed by the base64 of its
	 * bytes (as the receiver's Standard Webhooks library takes it)
	 * @param events the event types it receives; all when left out:
	 * {@code booking.created}, {@code booking.rescheduled}, {@code booking.cancelled},
	 * {@code booking.changed-in-calendar}, {@code booking.sync.flagged},
	 * {@code booking.sync.healed}
	 */
	public record Endpoint(@NotNull URI url, @NotNull String secret, Set<String> events) {

		public Endpoint {
			if (url != null) {
				String scheme = url.getScheme();
				if (!url.isAbsolute() || url.getHost() == null
						|| !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
					throw new IllegalArgumentException(
							"booking.webhooks.endpoints[].url must be an absolute http or https URL: "
									+ WebhookDeliveries.shown(url));
				}
			}
			if (secret != null) {
				secretBytes(secret);
			}
			events = events == null || events.isEmpty() ? Set.of() : Set.copyOf(events);
			for (String event : events) {
				if (WebhookEvent.ofType(event).isEmpty()) {
					throw new IllegalArgumentException("booking.webhooks.endpoints[].events: unknown event " + event);
				}
			}
		}

		/** Whether it subscribes to {@code event}. */
		public boolean receives(WebhookEvent event) {
			return events.isEmpty() || events.contains(event.type());
		}

		@Override
		public String toString() {
			// Never the secret, nor the URL's user info or query, in a log line or a
			// startup failure.
			return "Endpoint[url=" + (url == null ? null : WebhookDeliveries.shown(url)) + ", events=" + events + "]";
		}

	}

	/** The secret's key bytes; refuses one that is not {@code whsec_} and base64. */
	static byte[] secretBytes(String secret) {
		if (!secret.startsWith(SECRET_PREFIX)) {
			throw new IllegalArgumentException("booking.webhooks.endpoints[].secret must start with " + SECRET_PREFIX);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"booking.webhooks.endpoints[].secret must be " + SECRET_PREFIX + " followed by base64");
		}
		if (key.length < 24) {
			throw new IllegalArgumentException(
					"booking.webhooks.endpoints[].secret must hold at least 24 bytes (32 or more recommended)");
		}
		return key;
	}

	/**
	 * The retry policy of a booking's deliveries. The defaults wait 10s, 20s, 40s, ... up
	 * to an hour between attempts, 35 attempts in all: about 26 hours before the booking
	 * is flagged.
	 *
	 * @param initialInterval wait before the second attempt
	 * @param maximumInterval longest wait between attempts
	 * @param backoffCoefficient growth of the wait from one attempt to the next
	 * @param maximumAttempts attempts before the booking is flagged for manual sync
	 */
	public record Retry(@NotNull @PositiveDuration @DefaultValue("10s") Duration initialInterval,
			@NotNull @PositiveDuration @DefaultValue("1h") Duration maximumInterval,
			@DecimalMin("1.0") @DefaultValue("2.0") double backoffCoefficient,
			@Min(1) @DefaultValue("35") int maximumAttempts) {

		public Retry {
			if (initialInterval != null && maximumInterval != null && initialInterval.compareTo(maximumInterval) > 0) {
				throw new IllegalArgumentException("booking.webhooks.retry.initial-interval must not be longer than "
						+ "booking.webhooks.retry.maximum-interval");
			}
		}

		/**
		 * As the workflow's activity options take it; an attempt has the sync activities'
		 * timeouts.
		 */
		public SyncRetrySettings toSettings(Duration attemptTimeout, Duration heartbeatTimeout) {
			return new SyncRetrySettings(initialInterval, maximumInterval, backoffCoefficient, maximumAttempts,
					attemptTimeout, heartbeatTimeout);
		}

	}

}
