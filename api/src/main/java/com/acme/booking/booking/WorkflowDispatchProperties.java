package com.acme.booking.booking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The background hand-off of workflow starts and change signals
 * ({@code booking.workflow-dispatch.*}): a booking request commits to PostgreSQL and
 * answers; these threads then tell Temporal. What does not fit is left to the reconciler,
 * which starts or signals every booking whose sync is behind.
 *
 * @param threads how many starts or signals may be under way at once; each booking always
 * goes to the same thread, so its start and its changes reach Temporal in the order they
 * were committed
 * @param queueSize how many starts and signals may wait, over all threads; beyond it one
 * is dropped (counted in {@code booking.workflow.dispatch.dropped}) and the reconciler
 * sends it within {@code booking.sync.reconcile-interval}
 */
@Validated
@ConfigurationProperties("booking.workflow-dispatch")
record WorkflowDispatchProperties(@Min(1) @Max(64) @DefaultValue("4") int threads,
		@Min(1) @DefaultValue("1000") int queueSize) {
}
