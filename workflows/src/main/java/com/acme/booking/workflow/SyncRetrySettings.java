package com.acme.booking.workflow;

import java.time.Duration;
import java.util.Map;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * The Temporal retry policy of the sync activities ({@code booking.sync.retry.*}) and how it becomes the workflow's
 * activity options. When the attempts run out the booking is flagged for manual sync.
 *
 * @param initialInterval wait before the second attempt
 * @param maximumInterval longest wait between attempts
 * @param backoffCoefficient growth of the wait per attempt
 * @param maximumAttempts attempts before manual sync
 * @param attemptTimeout how long one attempt may take
 */
public record SyncRetrySettings(Duration initialInterval, Duration maximumInterval, double backoffCoefficient,
		int maximumAttempts, Duration attemptTimeout) {

	/** Activity names of the PostgreSQL bookkeeping, which retries until the database answers. */
	private static final String[] STATE_ACTIVITIES = { "LoadBookingSnapshot", "RecordSyncResult", "FlagManualSync" };

	public SyncRetrySettings {
		if (maximumAttempts < 1) {
			throw new IllegalArgumentException("maximum-attempts must be at least 1");
		}
		if (backoffCoefficient < 1.0) {
			throw new IllegalArgumentException("backoff-coefficient must be at least 1.0");
		}
		if (maximumInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException("maximum-interval must not be shorter than initial-interval");
		}
	}

	public ActivityOptions syncActivityOptions() {
		return ActivityOptions.newBuilder()
			.setStartToCloseTimeout(attemptTimeout)
			// A change cancels a pass; an attempt under way finishes first, so two attempts never race.
			.setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
			.setRetryOptions(RetryOptions.newBuilder()
				.setInitialInterval(initialInterval)
				.setMaximumInterval(maximumInterval)
				.setBackoffCoefficient(backoffCoefficient)
				.setMaximumAttempts(maximumAttempts)
				.build())
			.build();
	}

	public ActivityOptions stateActivityOptions() {
		return ActivityOptions.newBuilder()
			.setStartToCloseTimeout(Duration.ofSeconds(30))
			.setRetryOptions(RetryOptions.newBuilder()
				.setInitialInterval(Duration.ofSeconds(1))
				.setMaximumInterval(Duration.ofMinutes(1))
				.build())
			.build();
	}

	public WorkflowImplementationOptions implementationOptions() {
		ActivityOptions state = stateActivityOptions();
		var perActivity = new java.util.HashMap<String, ActivityOptions>();
		for (String name : STATE_ACTIVITIES) {
			perActivity.put(name, state);
		}
		return WorkflowImplementationOptions.newBuilder()
			.setDefaultActivityOptions(syncActivityOptions())
			.setActivityOptions(Map.copyOf(perActivity))
			.build();
	}

}
