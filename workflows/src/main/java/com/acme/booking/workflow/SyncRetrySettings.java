package com.acme.booking.workflow;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * The Temporal retry policy of the sync activities ({@code booking.sync.retry.*}) and how
 * it becomes the workflow's activity options. When the attempts run out the booking is
 * flagged for manual sync.
 *
 * @param initialInterval wait before the second attempt
 * @param maximumInterval longest wait between attempts
 * @param backoffCoefficient growth of the wait per attempt
 * @param maximumAttempts attempts before manual sync
 * @param attemptTimeout how long one attempt may take
 * @param heartbeatTimeout how long an attempt may go without a heartbeat before Temporal
 * counts its worker as gone and retries it elsewhere (the sync activities heartbeat while
 * they run)
 */
public record SyncRetrySettings(Duration initialInterval, Duration maximumInterval, double backoffCoefficient,
		int maximumAttempts, Duration attemptTimeout, Duration heartbeatTimeout) {

	/** An attempt of the PostgreSQL bookkeeping; retried until the database answers. */
	private static final Duration STATE_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

	private static final RetryOptions STATE_RETRY = RetryOptions.newBuilder()
		.setInitialInterval(Duration.ofSeconds(1))
		.setMaximumInterval(Duration.ofMinutes(1))
		.build();

	/**
	 * Activity names of the background tries: one attempt each, the workflow's timer
	 * spaces them.
	 */
	public static final List<String> BACKGROUND_ACTIVITIES = Arrays.stream(Integration.values())
		.filter(Integration::inPasses)
		.map(Integration::backgroundActivity)
		.toList();

	/**
	 * Activity names of the customer's emails: the sync retry policy, but no heartbeat
	 * timeout. An attempt is one SMTP conversation that cannot heartbeat while JavaMail
	 * waits on the server, so only the attempt timeout ends it, and that covers
	 * JavaMail's own timeouts (the mail beans refuse to start otherwise): Temporal never
	 * retries an email while its attempt may still be handing it over.
	 */
	public static final List<String> MAIL_ACTIVITIES = List.of("SendBookingMail", "SendReminder");

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
		if (heartbeatTimeout != null && attemptTimeout != null && heartbeatTimeout.compareTo(attemptTimeout) > 0) {
			throw new IllegalArgumentException("heartbeat-timeout must not be longer than attempt-timeout");
		}
	}

	public ActivityOptions syncActivityOptions() {
		return syncActivityOptions(maximumAttempts);
	}

	/** The options of {@link #MAIL_ACTIVITIES}. */
	public ActivityOptions mailActivityOptions() {
		// Zero, not null: Temporal's "none", which the default options merged under these
		// per-activity ones do not fill in.
		return ActivityOptions.newBuilder(syncActivityOptions()).setHeartbeatTimeout(Duration.ZERO).build();
	}

	private ActivityOptions syncActivityOptions(int attempts) {
		return ActivityOptions.newBuilder()
			.setStartToCloseTimeout(attemptTimeout)
			// An attempt on a worker that died is retried after this, not after the whole
			// attempt timeout.
			.setHeartbeatTimeout(heartbeatTimeout)
			// A change cancels a pass; an attempt under way finishes first, so two
			// attempts never race.
			.setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
			.setRetryOptions(RetryOptions.newBuilder()
				.setInitialInterval(initialInterval)
				.setMaximumInterval(maximumInterval)
				.setBackoffCoefficient(backoffCoefficient)
				.setMaximumAttempts(attempts)
				.build())
			.build();
	}

	/**
	 * The bookkeeping as local activities (it only touches PostgreSQL and is idempotent):
	 * run by the worker inside the workflow task that needs it, with the same
	 * Temporal-managed retries; short backoffs are retried in place, longer ones on a
	 * workflow timer, so a database outage still waits with the workflow rather than
	 * failing it.
	 */
	public static LocalActivityOptions stateLocalActivityOptions() {
		return LocalActivityOptions.newBuilder()
			.setStartToCloseTimeout(STATE_ATTEMPT_TIMEOUT)
			.setRetryOptions(STATE_RETRY)
			.build();
	}

	public WorkflowImplementationOptions implementationOptions() {
		return implementationOptions(this);
	}

	/**
	 * The workflow's activity options: this policy for every sync, {@code own} for the
	 * integrations with a policy of their own ({@link Integration#ownRetryPolicy}: the
	 * webhooks, {@code booking.webhooks.retry.*}).
	 */
	public WorkflowImplementationOptions implementationOptions(SyncRetrySettings own) {
		var perActivity = new HashMap<String, ActivityOptions>();
		ActivityOptions background = syncActivityOptions(1);
		for (String name : BACKGROUND_ACTIVITIES) {
			perActivity.put(name, background);
		}
		for (Integration integration : Integration.values()) {
			if (integration.ownRetryPolicy()) {
				perActivity.put(integration.activity(), own.syncActivityOptions());
				perActivity.put(integration.backgroundActivity(), own.syncActivityOptions(1));
			}
		}
		ActivityOptions mail = mailActivityOptions();
		for (String name : MAIL_ACTIVITIES) {
			perActivity.put(name, mail);
		}
		return WorkflowImplementationOptions.newBuilder()
			.setDefaultActivityOptions(syncActivityOptions())
			.setActivityOptions(Map.copyOf(perActivity))
			.build();
	}

}
