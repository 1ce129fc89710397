package com.acme.booking.workflow;

import io.temporal.workflow.Workflow;

/**
 * The reminder email of a booking workflow: one durable timer, moved when the booking is
 * rescheduled, dropped when it is cancelled. Whether a reminder is due comes from
 * PostgreSQL with each load ({@link BookingSnapshot#reminderAtEpochMillis}), so a new run
 * plans one not sent yet, also after its time. Workflow state, deterministic.
 */
final class ReminderPlan {

	/** When the planned reminder is due, 0 for none. */
	private long at;

	/** The appointment time it reminds of. */
	private long start;

	private boolean pending;

	/** It was due but could not be sent; an operator's retry sends it. */
	private boolean failed;

	/** Why it could not be sent, while {@link #failed}. */
	private String failure;

	void plan(BookingSnapshot snapshot) {
		long wanted = snapshot.cancelled() ? 0 : snapshot.reminderAtEpochMillis();
		if (wanted != at || snapshot.startEpochMillis() != start) {
			at = wanted;
			start = snapshot.startEpochMillis();
			// Late (a new run, or a run that learnt of it late) it still goes out, up to
			// the start.
			pending = wanted != 0 && start > Workflow.currentTimeMillis();
			failed = false;
			failure = null;
		}
	}

	boolean dueBy(long now) {
		return pending && at <= now;
	}

	/** When the wait must end for it: its time, or never when none is planned. */
	long wakeAt() {
		return pending ? at : Long.MAX_VALUE;
	}

	/**
	 * It goes out now: no longer pending. The appointment time it reminds of, for the
	 * activity.
	 */
	long take() {
		pending = false;
		return start;
	}

	/** Why it could not be sent, while it stands failed; null otherwise. */
	String failure() {
		return failed ? failure : null;
	}

	/** It could not be sent: flagged until it is sent or no longer due. */
	void failed(String reason) {
		failed = true;
		failure = reason;
	}

	void retryIfFailed() {
		if (failed) {
			failed = false;
			failure = null;
			pending = true;
		}
	}

}
