package com.acme.booking.workflow;

/**
 * What the workflow asks of an integration pushed in its passes. Each integration's
 * activity interface extends this and names the two methods as its activity types
 * ({@code @ActivityMethod(name = "Sync" + label)} and {@code ... + "InBackground"}), as
 * {@link Integration} says: the workflow reaches every integration through these two
 * methods, so adding one takes its activity, an {@link Integration} value and its tests.
 */
public interface IntegrationActivities {

	/**
	 * Idempotent: loads the booking and converges the outside system to it. Throws a
	 * non-retryable {@code ApplicationFailure} for permanent errors (the reason goes to
	 * the operator).
	 */
	SyncResult sync(String bookingId);

	/**
	 * The same sync as one single attempt: the workflow's background try of a flag raised
	 * by a transient failure (an outage), every
	 * {@code booking.sync.retry.background-interval}. Its own activity type, so that its
	 * options ({@link SyncRetrySettings#BACKGROUND_ACTIVITIES}) allow no retry.
	 */
	SyncResult syncInBackground(String bookingId);

}
