package com.acme.booking.sync;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The recovery rules both integrations' circuit breakers share. */
class BreakersTest {

	private static final IllegalStateException OUTAGE = new IllegalStateException("503");

	@Test
	void theFirstSuccessfulTrialCallClosesTheCircuitWhateverFailedBeforeIt() {
		CircuitBreaker breaker = breaker(Duration.ofMinutes(1));
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();

		fail(breaker);
		fail(breaker);
		assertThat(breaker.getState()).isEqualTo(State.HALF_OPEN);
		breaker.executeRunnable(() -> {
		});

		assertThat(breaker.getState()).isEqualTo(State.CLOSED);
	}

	@Test
	void trialCallsThatAllFailOpenTheCircuitAgain() {
		CircuitBreaker breaker = breaker(Duration.ofMinutes(1));
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();

		for (int i = 0; i < 3; i++) {
			fail(breaker);
		}

		assertThat(breaker.getState()).isEqualTo(State.OPEN);
	}

	@Test
	void anIdleHalfOpenCircuitClosesAfterItsBound() {
		CircuitBreaker breaker = breaker(Duration.ofMillis(300));
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();

		// Correctness bound only: without the bound it would stay HALF_OPEN for ever.
		await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getState() == State.CLOSED);
	}

	private static CircuitBreaker breaker(Duration maxHalfOpen) {
		return Breakers.create("test",
				CircuitBreakerConfig.custom()
					.failureRateThreshold(50)
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.waitDurationInOpenState(Duration.ofMinutes(1)),
				3, maxHalfOpen);
	}

	private static void fail(CircuitBreaker breaker) {
		try {
			breaker.executeRunnable(() -> {
				throw OUTAGE;
			});
		}
		catch (IllegalStateException expected) {
			// recorded as a failure
		}
	}

}
