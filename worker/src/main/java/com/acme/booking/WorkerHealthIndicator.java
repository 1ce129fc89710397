package com.acme.booking;

import com.acme.booking.workflow.BookingTemporal;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator's {@code worker}: up while this process polls the {@code booking-sync} task
 * queue, that is from the moment Temporal answered and the worker started until it shuts
 * down. Part of the worker's readiness, with {@code db} and {@code temporal}.
 */
@Component
class WorkerHealthIndicator implements HealthIndicator {

	private final WorkerFactory workers;

	WorkerHealthIndicator(WorkerFactory workers) {
		this.workers = workers;
	}

	@Override
	public Health health() {
		if (!workers.isStarted()) {
			return Health.down().withDetail("polling", "not yet: waiting for Temporal").build();
		}
		if (workers.isShutdown()) {
			return Health.down().withDetail("polling", "stopped").build();
		}
		Worker worker = workers.tryGetWorker(BookingTemporal.TASK_QUEUE);
		if (worker == null || worker.isSuspended()) {
			return Health.down().withDetail("polling", "no worker for " + BookingTemporal.TASK_QUEUE).build();
		}
		return Health.up().withDetail("polling", BookingTemporal.TASK_QUEUE).build();
	}

}
