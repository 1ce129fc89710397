package com.acme.booking.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.acme.booking.logging.MaskedEmails;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * An integration's health as the last background probe found it. {@link #health()} never
 * calls the outside system: anyone may poll it, so a poll must neither wait for a hanging
 * API nor spend its quota. {@link HealthProbes} calls {@link #probe()} every
 * {@code booking.health.probe-interval} and whenever the circuit breaker changes state.
 * <p>
 * Details: {@code responseTimeMs} of the probe call, {@code circuitBreaker} (read now, it
 * is local state), {@code checkedAt} and {@code ageSeconds} of the probe, and
 * {@code error}, which callers without the admin key must not be shown.
 */
public abstract class ProbedHealthIndicator implements HealthIndicator {

	/** The integration is switched off; nothing is probed. */
	public static final Status DISABLED = new Status("DISABLED");

	public static final String ERROR = "error";

	private final Clock clock;

	private volatile Probed last;

	protected ProbedHealthIndicator(Clock clock) {
		this.clock = clock;
	}

	/** Whether the integration is switched on; a disabled one is never probed. */
	protected abstract boolean enabled();

	/**
	 * One cheap, real call outside the circuit breaker, so probing neither opens nor
	 * closes it.
	 */
	protected abstract void call() throws Exception;

	/**
	 * What went wrong, in words an operator can act on; no secrets (emails are masked
	 * here).
	 */
	protected abstract String describe(Exception error);

	/** The breaker guarding the sync's calls; null when the integration is disabled. */
	protected abstract CircuitBreaker circuitBreaker();

	/** Makes the call now and keeps the result for {@link #health()}. Never throws. */
	public final void probe() {
		if (!enabled()) {
			return;
		}
		long started = System.nanoTime();
		String error = null;
		try {
			call();
		}
		catch (Exception ex) {
			// Outside systems quote what they were sent: no email address leaves in a
			// health answer.
			error = MaskedEmails.mask(describe(ex));
		}
		last = new Probed(error, Duration.ofNanos(System.nanoTime() - started).toMillis(), clock.instant());
	}

	/**
	 * Runs {@code listener} after every state transition of the circuit breaker (on the
	 * calling thread).
	 */
	public final void onCircuitChange(Runnable listener) {
		CircuitBreaker breaker = enabled() ? circuitBreaker() : null;
		if (breaker != null) {
			breaker.getEventPublisher().onStateTransition(event -> listener.run());
		}
	}

	public final boolean probes() {
		return enabled();
	}

	@Override
	public final Health health() {
		if (!enabled()) {
			return Health.status(DISABLED).withDetail("responseTimeMs", 0).build();
		}
		Probed probed = last;
		String circuit = circuitBreaker().getState().name();
		if (probed == null) {
			// Only in the first moments after start, before the first probe has answered.
			return Health.unknown().withDetail("responseTimeMs", 0).withDetail("circuitBreaker", circuit).build();
		}
		Health.Builder health = probed.error() == null ? Health.up() : Health.down();
		health.withDetail("responseTimeMs", probed.responseTimeMs()).withDetail("circuitBreaker", circuit);
		if (probed.error() != null) {
			health.withDetail(ERROR, probed.error());
		}
		return health.withDetail("checkedAt", probed.at().toString())
			.withDetail("ageSeconds", Math.max(0, Duration.between(probed.at(), clock.instant()).toSeconds()))
			.build();
	}

	private record Probed(String error, long responseTimeMs, Instant at) {
	}

}
