package com.acme.booking.sync;

import java.time.Duration;

import com.acme.booking.config.PositiveDuration;
import com.acme.booking.workflow.SyncRetrySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Temporal retry policy of every sync activity ({@code booking.sync.retry.*}).
 *
 * @param retry the policy; when its attempts run out the booking is flagged for manual
 * sync
 * @param attemptTimeout how long one attempt of a sync activity may take before Temporal
 * retries it. Temporal does not stop a timed-out attempt, so it must cover an attempt's
 * worst case: each enabled integration refuses to start when it is shorter than 4 ×
 * (calendar connect + read timeout) + 3m (Google's token fetch with its own retries), or
 * 12 × (HubSpot connect + read timeout)
 * @param reconcileInterval how often the reconciler signals every booking whose synced
 * revision is behind
 * @param heartbeatTimeout how long a sync attempt may go without a heartbeat (the
 * activities send one every half of it while they run) before Temporal takes its worker
 * for dead and retries the attempt elsewhere
 * @param stuckAfter how long a booking may stay behind after the reconciler's signal,
 * with no activity pending in its workflow, before the reconciler takes the workflow for
 * stuck, terminates the run and starts a fresh one
 */
@Validated
@ConfigurationProperties("booking.sync")
public record SyncProperties(@Valid @NotNull @DefaultValue Retry retry,
		@NotNull @PositiveDuration @DefaultValue("5m") Duration attemptTimeout,
		@NotNull @PositiveDuration @DefaultValue("1m") Duration reconcileInterval,
		@NotNull @PositiveDuration @DefaultValue("20s") Duration heartbeatTimeout,
		@NotNull @PositiveDuration @DefaultValue("10m") Duration stuckAfter) {

	/**
	 * @param initialInterval wait before the second attempt
	 * @param maximumInterval longest wait between attempts
	 * @param backoffCoefficient growth of the wait from one attempt to the next
	 * @param maximumAttempts attempts before the booking is flagged for manual sync
	 * @param backgroundInterval after the attempts ran out on a transient failure (an
	 * outage), how often the workflow tries once more on its own, until the appointment
	 * has passed; the flag clears itself when a try succeeds
	 */
	public record Retry(@NotNull @PositiveDuration @DefaultValue("2s") Duration initialInterval,
			@NotNull @PositiveDuration @DefaultValue("10m") Duration maximumInterval,
			@DecimalMin("1.0") @DefaultValue("2.0") double backoffCoefficient,
			@Min(1) @DefaultValue("12") int maximumAttempts,
			@NotNull @PositiveDuration @DefaultValue("15m") Duration backgroundInterval) {

		public Retry {
			if (initialInterval != null && maximumInterval != null && initialInterval.compareTo(maximumInterval) > 0) {
				throw new IllegalArgumentException("booking.sync.retry.initial-interval must not be longer than "
						+ "booking.sync.retry.maximum-interval");
			}
		}

	}

	public SyncRetrySettings toSettings() {
		return new SyncRetrySettings(retry.initialInterval(), retry.maximumInterval(), retry.backoffCoefficient(),
				retry.maximumAttempts(), attemptTimeout, heartbeatTimeout);
	}

}
