package com.acme.booking.sync;

import java.util.concurrent.TimeUnit;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator's {@code temporal}: one cheap real call to the frontend, bounded at two
 * seconds. Part of readiness in the API (without Temporal a booking is stored but its
 * workflow cannot start until the reconciler retries) and in the worker jar (without it
 * nothing is polled).
 */
@Component
class TemporalHealthIndicator implements HealthIndicator {

	private final WorkflowClient temporal;

	TemporalHealthIndicator(WorkflowClient temporal) {
		this.temporal = temporal;
	}

	@Override
	public Health health() {
		try {
			temporal.getWorkflowServiceStubs()
				.blockingStub()
				.withDeadlineAfter(2, TimeUnit.SECONDS)
				.getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.down(ex).build();
		}
	}

}
