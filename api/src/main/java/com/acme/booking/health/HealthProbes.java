package com.acme.booking.health;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.acme.booking.probe.ProbedHealthIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Probes every enabled integration in the background: at start, every
 * {@code booking.health.probe-interval}, and right after its circuit breaker changes
 * state, so the health endpoints follow an outage within moments of the sync noticing it.
 * Only the API serves the integrations' health, so the worker alone probes nothing. One
 * thread per integration: a hanging Google never delays HubSpot's probe (each call is
 * bounded by its client's timeouts).
 */
@Component
@ConditionalOnWebApplication
@EnableConfigurationProperties(HealthProperties.class)
class HealthProbes implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HealthProbes.class);

	private final List<ProbedHealthIndicator> indicators;

	private final HealthProperties properties;

	private volatile ScheduledExecutorService executor;

	private volatile boolean running;

	HealthProbes(List<ProbedHealthIndicator> indicators, HealthProperties properties) {
		this.indicators = indicators.stream().filter(ProbedHealthIndicator::probes).toList();
		this.properties = properties;
	}

	@Override
	public void start() {
		running = true;
		if (indicators.isEmpty()) {
			return;
		}
		ScheduledExecutorService probes = Executors.newScheduledThreadPool(indicators.size(), runnable -> {
			Thread thread = new Thread(runnable, "health-probe");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.probeInterval().toMillis();
		for (ProbedHealthIndicator indicator : indicators) {
			probes.scheduleWithFixedDelay(() -> probe(indicator), 0, interval, TimeUnit.MILLISECONDS);
			indicator.onCircuitChange(() -> submit(probes, indicator));
		}
		executor = probes;
	}

	private static void submit(ScheduledExecutorService probes, ProbedHealthIndicator indicator) {
		try {
			probes.execute(() -> probe(indicator));
		}
		catch (RejectedExecutionException stopping) {
			// Shutting down: nobody will ask for health any more.
		}
	}

	private static void probe(ProbedHealthIndicator indicator) {
		try {
			indicator.probe();
		}
		catch (RuntimeException unexpected) {
			// A scheduled task that throws is never run again; keep probing.
			log.warn("Health probe failed unexpectedly", unexpected);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService probes = executor;
		if (probes != null) {
			probes.shutdownNow();
		}
		executor = null;
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
