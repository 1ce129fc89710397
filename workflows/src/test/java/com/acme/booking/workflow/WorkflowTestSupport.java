package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowExtension;

/** How the workflow tests run Temporal: time skipping, the production retry wiring with short intervals. */
final class WorkflowTestSupport {

	/** Test-server time at the start of every test. */
	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	/** Appointments start a day later, so retries and signals happen well before they end. */
	static final Instant APPOINTMENT = NOW.plus(Duration.ofDays(1));

	static final Duration DURATION = Duration.ofMinutes(30);

	/** Four attempts, 1s then 2s then 4s apart: a sync gives up about 7 seconds after its first attempt. */
	static final SyncRetrySettings RETRY = new SyncRetrySettings(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 4,
			Duration.ofSeconds(10));

	private WorkflowTestSupport() {
	}

	/**
	 * The extension is not started, so that each test can register its own fakes before the worker polls (see
	 * {@link FakeWorld#start}).
	 */
	static TestWorkflowExtension extension() {
		TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder()
			.registerWorkflowImplementationTypes(RETRY.implementationOptions(), BookingWorkflowImpl.class)
			.setInitialTime(NOW)
			.setDoNotStart(true);
		for (String name : new String[] { "BookingId", "BookingStatus", "CalendarSync", "CrmSync" }) {
			builder.registerSearchAttribute(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
		}
		return builder.build();
	}

}
