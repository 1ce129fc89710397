package com.acme.booking.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.webhook.WebhookDeliveries.Change;
import com.acme.booking.webhook.WebhookDeliveries.Pending;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.SyncResult;
import com.acme.booking.workflow.WebhookSyncActivities;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The webhook sync activity. Each attempt makes the deliveries the booking's new changes
 * owe (one per change and subscribed endpoint, the body frozen then), then sends every
 * pending one, per endpoint in the order of the changes: a later event never goes before
 * an earlier one was delivered. An endpoint's first failure ends its turn; the attempt
 * then fails and Temporal retries it by {@code booking.webhooks.retry.*}, after the
 * {@code Retry-After} of a 429 or 503 when that is longer than the policy's wait.
 * {@code 410 Gone} disables the endpoint for everyone.
 */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class WebhookSyncActivitiesImpl implements WebhookSyncActivities {

	private static final Logger log = LoggerFactory.getLogger(WebhookSyncActivitiesImpl.class);

	private final BookingRepository bookings;

	private final WebhookDeliveries deliveries;

	private final WebhookPayloads payloads;

	private final WebhookSender sender;

	private final Map<String, WebhookProperties.Endpoint> endpoints = new LinkedHashMap<>();

	private final WebhookProperties.Retry retry;

	private final MeterRegistry registry;

	private final Clock clock;

	WebhookSyncActivitiesImpl(BookingRepository bookings, WebhookDeliveries deliveries, WebhookPayloads payloads,
			WebhookSender sender, WebhookProperties properties, ObjectProvider<MeterRegistry> registry,
			ObjectProvider<Clock> clock) {
		this.bookings = bookings;
		this.deliveries = deliveries;
		this.payloads = payloads;
		this.sender = sender;
		properties.endpoints().forEach(endpoint -> endpoints.put(endpoint.url().toString(), endpoint));
		this.retry = properties.retry();
		this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public SyncResult sync(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (endpoints.isEmpty()) {
			return SyncResult.disabled(booking.revision());
		}
		return heartbeating(() -> push(booking));
	}

	@Override
	public SyncResult syncInBackground(String bookingId) {
		return sync(bookingId);
	}

	private SyncResult push(Booking booking) {
		List<WebhookDeliveries.New> made = new ArrayList<>();
		for (Change change : deliveries.undelivered(booking.id())) {
			String body = payloads.body(change, booking);
			for (WebhookProperties.Endpoint endpoint : endpoints.values()) {
				if (endpoint.receives(change.event())) {
					made.add(new WebhookDeliveries.New(change, endpoint.url().toString(), body));
				}
			}
		}
		deliveries.create(booking.id(), made, clock.instant());
		Set<String> disabled = deliveries.disabled();
		List<String> failures = new ArrayList<>();
		Duration retryAfter = null;
		boolean refused = false;
		for (Map.Entry<String, List<Pending>> queue : deliveries.pending(booking.id()).entrySet()) {
			WebhookProperties.Endpoint endpoint = endpoints.get(queue.getKey());
			// An endpoint no longer configured gets nothing; a disabled one waits for an
			// operator.
			if (endpoint == null || disabled.contains(queue.getKey())) {
				continue;
			}
			for (Pending pending : queue.getValue()) {
				WebhookSender.Outcome outcome = sender.send(endpoint, pending.id(), pending.body());
				deliveries.attempted(pending.id(), outcome.attempt(), outcome.delivered());
				registry.counter("booking.webhooks.attempts", "outcome", outcome.delivered() ? "delivered" : "failed")
					.increment();
				if (outcome.delivered()) {
					continue;
				}
				if (outcome.gone()) {
					disable(endpoint);
				}
				else {
					failures.add(shown(endpoint) + ": " + outcome.attempt().error());
					refused |= outcome.refused();
					retryAfter = longer(retryAfter, outcome.retryAfter());
				}
				break;
			}
		}
		if (failures.isEmpty()) {
			return SyncResult.synced(booking.revision(), null);
		}
		log.warn("Webhooks of booking {} not delivered ({}): {}", booking.id(), refused ? "permanent" : "will retry",
				failures);
		if (refused) {
			// A configured host that now points inside the network: only a person can
			// fix that.
			throw ApplicationFailure.newNonRetryableFailure(String.join("; ", failures), "WebhookAddressRefused");
		}
		SyncSupport.reportCancellationIfRequested();
		throw ApplicationFailure.newBuilder()
			.setMessage(String.join("; ", failures))
			.setType("WebhookNotDelivered")
			.setNonRetryable(false)
			.setNextRetryDelay(retryAfter == null ? null
					: retryDelay(retryAfter, retry, Activity.getExecutionContext().getInfo().getAttempt()))
			.build();
	}

	/**
	 * The wait before the next attempt when the receiver asked for {@code retryAfter}:
	 * never shorter than the retry policy's own wait after attempt {@code attempt}, as
	 * every attempt counts against the policy's budget, which must last its full time.
	 */
	static Duration retryDelay(Duration retryAfter, WebhookProperties.Retry retry, int attempt) {
		double backoff = retry.initialInterval().toMillis()
				* Math.pow(retry.backoffCoefficient(), Math.max(0, attempt - 1));
		Duration policy = backoff >= retry.maximumInterval().toMillis() ? retry.maximumInterval()
				: Duration.ofMillis((long) backoff);
		return longer(retryAfter, policy);
	}

	private void disable(WebhookProperties.Endpoint endpoint) {
		if (deliveries.disable(endpoint.url().toString(), "410 Gone", clock.instant())) {
			log.warn("Webhook endpoint {} answered 410 Gone: disabled, nothing more is sent to it until an operator "
					+ "redelivers one of its deliveries", shown(endpoint));
			registry.counter("booking.webhooks.endpoint.disabled").increment();
		}
	}

	/**
	 * The endpoint as failures and log lines name it: without a query or user info, which
	 * may hold a credential, as these go to the Temporal history and the booking's sync
	 * error.
	 */
	static String shown(WebhookProperties.Endpoint endpoint) {
		return WebhookDeliveries.shown(endpoint.url());
	}

	private static Duration longer(Duration a, Duration b) {
		if (a == null) {
			return b;
		}
		return b == null || a.compareTo(b) >= 0 ? a : b;
	}

	/** {@link SyncSupport#whileHeartbeating}; the push throws only runtime exceptions. */
	private static SyncResult heartbeating(Callable<SyncResult> push) {
		try {
			return SyncSupport.whileHeartbeating(push);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
