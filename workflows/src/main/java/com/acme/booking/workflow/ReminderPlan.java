package com.acme.booking.workflow;

import io.temporal.workflow.Workflow;

/**
 * The reminder email of a booking workflow: one durable timer, moved when the booking is
 * rescheduled, dropped when it is cancelled. Workflow state, deterministic.
 */
final class ReminderPlan {

	/** When the planned reminder is due, 0 for none. */
	long at;

	boolean pending;

	/** It was due but could not be sent; an operator's retry sends it. */
	boolean failed;

	void plan(BookingSnapshot snapshot) {
		long wanted = snapshot.cancelled() ? 0 : snapshot.reminderAtEpochMillis();
		if (wanted != at) {
			at = wanted;
			// An appointment booked (or moved) closer than reminder-before gets no
			// reminder.
			pending = wanted > Workflow.currentTimeMillis();
			failed = false;
		}
	}

	boolean dueBy(long now) {
		return pending && at <= now;
	}

	void retryIfFailed() {
		if (failed) {
			failed = false;
			pending = true;
		}
	}

}
