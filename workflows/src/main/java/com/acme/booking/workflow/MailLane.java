package com.acme.booking.workflow;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * The customer's emails within a booking workflow run. They run beside the sync passes
 * and are never cancelled by a change: an attempt is short, and every attempt loads the
 * booking as it is then, so a change that arrives meanwhile is sent by the next round (or
 * found already sent). Keeping cancellations away from the emails also means a cancel
 * never races an email that has just completed. Workflow code: deterministic.
 */
final class MailLane {

	private static final Logger log = Workflow.getLogger(MailLane.class);

	/**
	 * How long an email waits for a calendar sync under way (so it can carry the event's
	 * link).
	 */
	static final Duration WAIT_FOR_CALENDAR = Duration.ofMinutes(2);

	private final MailActivities mail = Workflow.newActivityStub(MailActivities.class);

	private BookingStateActivities state;

	private final SyncTrack track;

	private final ShownAttributes attributes;

	private final BooleanSupplier calendarDue;

	/** Told when PostgreSQL recorded a webhook event (the email flagged or healed). */
	private final Runnable webhookOwed;

	private final ReminderPlan reminder = new ReminderPlan();

	private String bookingId;

	/** An email activity is under way (or between its retries). */
	private boolean sending;

	MailLane(SyncTrack track, ShownAttributes attributes, BooleanSupplier calendarDue, Runnable webhookOwed) {
		this.track = track;
		this.attributes = attributes;
		this.calendarDue = calendarDue;
		this.webhookOwed = webhookOwed;
	}

	/**
	 * Starts the lane; {@code state} is the run's bookkeeping (local activities or
	 * activity tasks, by version).
	 */
	void start(String bookingId, BookingStateActivities state) {
		this.bookingId = bookingId;
		this.state = state;
		Async.procedure(this::run);
	}

	ReminderPlan reminder() {
		return reminder;
	}

	/** An email is due or under way; the workflow does not end before it is done. */
	boolean busy() {
		return track.due() || sending;
	}

	/**
	 * Sends the planned reminder now; when its retries run out the booking is flagged
	 * like any email.
	 */
	void sendReminder() {
		long start = reminder.take();
		try {
			mail.sendReminder(bookingId, start);
		}
		catch (ActivityFailure failure) {
			String reason = FailureReason.of(failure);
			flag(reason);
			reminder.failed(reason);
		}
	}

	private void run() {
		while (true) {
			Workflow.await(track::due);
			// No longer due while it sends: a change during the send makes the email due
			// again.
			sending = true;
			attributes.show(track.pushStarted());
			awaitCalendar();
			try {
				SyncResult result = mail.sendBookingMail(bookingId);
				owed(state.recordResult(bookingId, Integration.MAIL, result));
				attributes.show(track.pushed(result));
				if (reminder.failure() != null) {
					// Recording the email cleared the mail flag; the reminder's failure
					// stands until it is sent or no longer due.
					flag(reminder.failure());
				}
			}
			catch (ActivityFailure failure) {
				String reason = FailureReason.of(failure);
				record(reason);
				// Its attempts ran out (the relay unreachable or refusing for a while):
				// tried again in the background, like the calendar's and the CRM's flags.
				attributes.show(track.flagged(reason,
						failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED));
			}
			sending = false;
		}
	}

	/**
	 * The email says whether the appointment made it into the business's calendar, so it
	 * gives a calendar sync under way a little time to finish; then it goes out whatever
	 * the calendar's state.
	 */
	private void awaitCalendar() {
		if (!calendarDue.getAsBoolean()) {
			return;
		}
		CancellationScope waiting = Workflow
			.newCancellationScope(() -> Workflow.await(WAIT_FOR_CALENDAR, () -> !calendarDue.getAsBoolean()));
		waiting.run();
		// Workflow.await leaves its timer running when the condition wins.
		waiting.cancel();
	}

	/** Flags the email for the reminder's failure, which is not this push's. */
	private void flag(String reason) {
		record(reason);
		attributes.show(track.showFlag(reason));
	}

	/** The flag in PostgreSQL, and the log line that says why. */
	private void record(String reason) {
		log.warn("Email of booking {} needs an operator: {}", bookingId, reason);
		owed(state.flagManualSync(bookingId, Integration.MAIL, reason));
	}

	private void owed(boolean webhookEvent) {
		if (webhookEvent) {
			webhookOwed.run();
		}
	}

}
