package com.acme.booking.workflow;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Why an activity failed, as the operator reads it in PostgreSQL, the admin API and
 * {@code syncStatus}.
 */
final class FailureReason {

	private FailureReason() {
	}

	static String of(ActivityFailure failure) {
		Throwable cause = failure.getCause();
		if (cause instanceof ApplicationFailure app) {
			return app.getOriginalMessage() + (app.getType() != null ? " (" + app.getType() + ")" : "");
		}
		if (cause instanceof TimeoutFailure timeout) {
			// Its own message is empty: say which timeout ran out (HEARTBEAT: the worker
			// went away).
			return "attempt timed out (" + timeout.getTimeoutType().name().replace("TIMEOUT_TYPE_", "") + ")";
		}
		if (cause instanceof TemporalFailure temporal) {
			return temporal.getOriginalMessage();
		}
		return failure.getOriginalMessage();
	}

}
