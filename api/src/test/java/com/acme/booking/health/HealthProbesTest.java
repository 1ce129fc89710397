package com.acme.booking.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.probe.ProbedHealthIndicator;
import com.acme.booking.support.TestClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The background probe: at start, on every interval, and at once when the circuit breaker
 * changes state.
 */
class HealthProbesTest {

	private final CountingIndicator indicator = new CountingIndicator(true);

	private HealthProbes probes;

	@AfterEach
	void stop() {
		probes.stop();
	}

	@Test
	void probesAtStartAndThenEveryInterval() {
		probes = start(Duration.ofMillis(50), indicator);

		await().atMost(Duration.ofSeconds(10)).until(() -> indicator.calls.get() >= 3);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void probesAgainWhenTheCircuitBreakerChangesState() {
		probes = start(Duration.ofHours(1), indicator);
		await().atMost(Duration.ofSeconds(10)).until(() -> indicator.calls.get() == 1);

		indicator.breaker.transitionToOpenState();

		await().atMost(Duration.ofSeconds(10)).until(() -> indicator.calls.get() == 2);
		assertThat(indicator.health().getDetails()).containsEntry("circuitBreaker", "OPEN");
	}

	@Test
	void aDisabledIntegrationIsNeverProbed() {
		CountingIndicator disabled = new CountingIndicator(false);
		probes = start(Duration.ofMillis(10), disabled);

		assertThat(probes.isRunning()).isTrue();
		assertThat(disabled.health().getStatus()).isEqualTo(ProbedHealthIndicator.DISABLED);
		assertThat(disabled.calls.get()).isZero();
	}

	@Test
	void aProbeThatThrowsIsReportedDownWithItsReason() {
		CountingIndicator failing = new CountingIndicator(true) {
			@Override
			protected void call() {
				super.call();
				throw new IllegalStateException("unreachable, ask ada@example.com");
			}
		};

		failing.probe();

		assertThat(failing.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(failing.health().getDetails()).containsEntry(ProbedHealthIndicator.ERROR,
				"unreachable, ask a***@example.com");
		probes = start(Duration.ofHours(1));
	}

	private static HealthProbes start(Duration interval, ProbedHealthIndicator... indicators) {
		HealthProbes probes = new HealthProbes(List.of(indicators), new HealthProperties(interval));
		probes.start();
		return probes;
	}

	private static class CountingIndicator extends ProbedHealthIndicator {

		final AtomicInteger calls = new AtomicInteger();

		final CircuitBreaker breaker = CircuitBreaker.ofDefaults("test");

		private final boolean enabled;

		CountingIndicator(boolean enabled) {
			super(TestClock.clock());
			this.enabled = enabled;
		}

		@Override
		protected boolean enabled() {
			return enabled;
		}

		@Override
		protected void call() {
			calls.incrementAndGet();
		}

		@Override
		protected String describe(Exception error) {
			return error.getMessage();
		}

		@Override
		protected CircuitBreaker circuitBreaker() {
			return breaker;
		}

	}

}
