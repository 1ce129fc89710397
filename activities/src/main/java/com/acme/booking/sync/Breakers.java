package com.acme.booking.sync;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * How both integrations' circuit breakers recover, so that a booking made once Google or
 * HubSpot answer again syncs within seconds:
 * <ul>
 * <li>an open circuit lets trial calls through on its own once its wait is over (no call
 * needed to notice);</li>
 * <li>the first trial call that succeeds closes it: the outside system answered. Counting
 * a rate over the trial calls instead lets the failed last retries of an outage, made
 * while half-open, out-vote the first success and open the circuit again for a whole
 * wait;</li>
 * <li>{@code trialCalls} failures in a row open it again;</li>
 * <li>an idle half-open circuit closes after {@code maxHalfOpen}, instead of showing
 * HALF_OPEN for ever.</li>
 * </ul>
 * A call refused meanwhile is retried after a short delay by the sync activity, not after
 * the whole open wait.
 */
public final class Breakers {

	private Breakers() {
	}

	public static CircuitBreaker create(String name, CircuitBreakerConfig.Builder config, int trialCalls,
			Duration maxHalfOpen) {
		CircuitBreaker breaker = CircuitBreaker.of(name,
				config.permittedNumberOfCallsInHalfOpenState(trialCalls)
					.automaticTransitionFromOpenToHalfOpenEnabled(true)
					.maxWaitDurationInHalfOpenState(maxHalfOpen)
					.transitionToStateAfterWaitDuration(State.CLOSED)
					.build());
		breaker.getEventPublisher().onSuccess(success -> {
			if (breaker.getState() == State.HALF_OPEN) {
				breaker.transitionToClosedState();
			}
		});
		return breaker;
	}

}
