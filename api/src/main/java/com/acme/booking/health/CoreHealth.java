package com.acme.booking.health;

import com.acme.booking.sync.HealthReport;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cheap real calls to PostgreSQL and Temporal. */
@Component
class CoreHealth {

	private final JdbcClient jdbc;

	private final WorkflowClient temporal;

	CoreHealth(JdbcClient jdbc, WorkflowClient temporal) {
		this.jdbc = jdbc;
		this.temporal = temporal;
	}

	HealthReport database() {
		return timed(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
	}

	HealthReport temporal() {
		return timed(() -> temporal.getWorkflowServiceStubs()
			.blockingStub()
			.withDeadlineAfter(2, java.util.concurrent.TimeUnit.SECONDS)
			.getSystemInfo(GetSystemInfoRequest.getDefaultInstance()));
	}

	private static HealthReport timed(HealthReport.Probe call) {
		return HealthReport.probe(call, HealthReport::plain, null);
	}

}
