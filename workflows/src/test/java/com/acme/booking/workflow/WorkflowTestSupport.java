package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowExtension;

/**
 * How the workflow tests run Temporal: time skipping, the production retry wiring with
 * short intervals.
 */
final class WorkflowTestSupport {

	/** Test-server time at the start of every test. */
	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	/**
	 * Appointments start a day later, so retries and signals happen well before they end.
	 */
	static final Instant APPOINTMENT = NOW.plus(Duration.ofDays(1));

	static final Duration DURATION = Duration.ofMinutes(30);

	/**
	 * {@code booking.mail.reminder-before}: appointments at {@link #APPOINTMENT} are
	 * already too close for one.
	 */
	static final Duration REMINDER_BEFORE = Duration.ofDays(1);

	/**
	 * Four attempts, 1, 2 and 4 minutes apart: a sync gives up 7 minutes after its first
	 * attempt. Minutes cost nothing with time skipping, and they dwarf the real time
	 * test-server time also advances by on a busy machine, so "before the next attempt"
	 * stays true however slow the build is.
	 */
	static final SyncRetrySettings RETRY = new SyncRetrySettings(Duration.ofMinutes(1), Duration.ofMinutes(8), 2.0, 4,
			Duration.ofSeconds(10), Duration.ofSeconds(5));

	/**
	 * {@code booking.sync.retry.background-interval}: how often an outage's flag is tried
	 * again.
	 */
	static final Duration BACKGROUND_INTERVAL = Duration.ofMinutes(15);

	/**
	 * Far less than any backoff of {@link #RETRY}: what "right away" means in workflow
	 * time.
	 */
	static final Duration PROMPTLY = Duration.ofSeconds(30);

	private WorkflowTestSupport() {
	}

	/**
	 * The extension is not started, so that each test can register its own fakes before
	 * the worker polls (see {@link FakeWorld#start}).
	 */
	static TestWorkflowExtension extension() {
		return extension(RETRY);
	}

	static TestWorkflowExtension extension(SyncRetrySettings retry) {
		TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder()
			.registerWorkflowImplementationTypes(retry.implementationOptions(), BookingWorkflowImpl.class)
			.setInitialTime(NOW)
			.setDoNotStart(true);
		for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
			builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
		}
		return builder.build();
	}

}
