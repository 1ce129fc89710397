package com.acme.booking.sync;

import java.time.Duration;

import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Waits for a real Temporal server before the workers start (Temporal's own starter runs
 * after this listener), so a worker started before its server, or while the server
 * restarts, logs one line per attempt ("Temporal not reachable at ..., retrying") and
 * carries on once it answers, instead of dying with a long stack trace. Then the booking
 * search attributes are registered. The API keeps serving meanwhile: its web server is
 * already up.
 */
@Component
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "false", matchIfMissing = true)
class TemporalConnection implements ApplicationListener<ApplicationReadyEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(TemporalConnection.class);

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration MAX_DELAY = Duration.ofSeconds(30);

	private final WorkflowServiceStubs stubs;

	private final SearchAttributeRegistrar registrar;

	private final String target;

	TemporalConnection(WorkflowServiceStubs stubs, SearchAttributeRegistrar registrar,
			@Value("${spring.temporal.connection.target:localhost:7233}") String target) {
		this.stubs = stubs;
		this.registrar = registrar;
		this.target = target;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		awaitServer();
		registrar.register();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private void awaitServer() {
		Duration delay = Duration.ofSeconds(1);
		boolean retried = false;
		while (true) {
			try {
				stubs.connect(ATTEMPT_TIMEOUT);
				if (retried) {
					log.info("Temporal reachable at {}; starting the workers", target);
				}
				return;
			}
			catch (StatusRuntimeException ex) {
				log.warn("Temporal not reachable at {}, retrying in {}s ({})", target, delay.toSeconds(),
						ex.getStatus().getCode());
			}
			catch (RuntimeException ex) {
				log.warn("Temporal not reachable at {}, retrying in {}s ({})", target, delay.toSeconds(),
						ex.toString());
			}
			retried = true;
			sleep(delay);
			delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
		}
	}

	private void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Stopped while waiting for Temporal at " + target, ex);
		}
	}

}
