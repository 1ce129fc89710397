package com.acme.booking.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Converges the outside world to the booking in PostgreSQL. Each pass loads the booking, runs the calendar and CRM
 * syncs side by side (one failing never holds the other), records the outcome, then waits for a change, an
 * operator's retry or the end of the appointment. Deterministic: no I/O, clocks or randomness but Temporal's.
 */
@WorkflowImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class BookingWorkflowImpl implements BookingWorkflow {

	private static final Logger log = Workflow.getLogger(BookingWorkflowImpl.class);

	private final BookingStateActivities state = Workflow.newActivityStub(BookingStateActivities.class);

	private final Track calendarTrack = new Track(Integration.CALENDAR, BookingTemporal.CALENDAR_SYNC);

	private final Track crmTrack = new Track(Integration.CRM, BookingTemporal.CRM_SYNC);

	private String bookingId;

	private BookingSnapshot snapshot;

	private boolean changed = true;

	private boolean retryRequested;

	private CancellationScope pass;

	/** Whether the CalendarConflict search attribute says YES; it is only written once a clash was seen. */
	private boolean conflictShown;

	@Override
	public void run(String bookingId) {
		this.bookingId = bookingId;
		Workflow.upsertTypedSearchAttributes(BookingTemporal.BOOKING_ID.valueSet(bookingId));
		while (true) {
			if (Workflow.getInfo().isContinueAsNewSuggested()) {
				// Only reached after a wake-up, which re-syncs anyway: a fresh run starts with everything due.
				Workflow.continueAsNew(bookingId);
			}
			if (changed) {
				changed = false;
				calendarTrack.due = true;
				crmTrack.due = true;
			}
			if (retryRequested) {
				retryRequested = false;
				calendarTrack.retryIfManual();
				crmTrack.retryIfManual();
			}
			snapshot = state.load(bookingId);
			Workflow.upsertTypedSearchAttributes(
					BookingTemporal.BOOKING_STATUS.valueSet(snapshot.cancelled() ? "CANCELLED" : "CONFIRMED"));
			runPass();
			if (changed || retryRequested) {
				continue;
			}
			if (!waitForWork()) {
				return;
			}
		}
	}

	/** Waits for a change or a retry; false when the workflow is done. */
	private boolean waitForWork() {
		boolean manual = calendarTrack.manual() || crmTrack.manual();
		if (manual) {
			// An operator decides; a flagged booking waits for retrySync however long it takes.
			Workflow.await(() -> changed || retryRequested);
			return true;
		}
		if (snapshot.cancelled()) {
			return false;
		}
		long untilEnd = snapshot.endEpochMillis() - Workflow.currentTimeMillis();
		if (untilEnd <= 0) {
			return false;
		}
		return awaitWorkUntil(Duration.ofMillis(untilEnd));
	}

	/** Waits for a change or a retry at most {@code timeout}; false when the time ran out. */
	private boolean awaitWorkUntil(Duration timeout) {
		boolean[] woken = new boolean[1];
		CancellationScope waiting = Workflow
			.newCancellationScope(() -> woken[0] = Workflow.await(timeout, () -> changed || retryRequested));
		waiting.run();
		// Workflow.await leaves its timer running when the condition wins; without this a rescheduled booking
		// would keep one stale timer per wake-up, each waking the workflow for nothing at an old end time.
		waiting.cancel();
		return woken[0];
	}

	private void runPass() {
		List<Promise<Void>> running = new ArrayList<>();
		pass = Workflow.newCancellationScope(() -> {
			for (Track track : List.of(calendarTrack, crmTrack)) {
				if (track.due) {
					track.show(SyncState.PENDING, null);
					running.add(Async.procedure(this::sync, track));
				}
			}
		});
		pass.run();
		Promise.allOf(running).get();
		pass = null;
	}

	private void sync(Track track) {
		SyncResult result;
		try {
			result = track.integration == Integration.CALENDAR
					? ActivitySummaries.calendar(snapshot, track.syncedBefore).syncCalendar(bookingId)
					: ActivitySummaries.crm(snapshot).syncCrm(bookingId);
		}
		catch (ActivityFailure failure) {
			if (failure.getCause() instanceof CanceledFailure || CancellationScope.current().isCancelRequested()) {
				// Superseded by a change: the next pass pushes the new state.
				return;
			}
			String reason = reason(failure);
			log.warn("{} sync of booking {} needs an operator: {}", track.integration, bookingId, reason);
			Workflow.newDetachedCancellationScope(() -> state.flagManualSync(bookingId, track.integration, reason))
				.run();
			track.due = false;
			track.show(SyncState.MANUAL, reason);
			return;
		}
		Workflow.newDetachedCancellationScope(() -> state.recordResult(bookingId, track.integration, result)).run();
		track.due = false;
		track.show(result.state(), null);
		if (track.integration == Integration.CALENDAR) {
			showConflict(result.calendarConflict());
		}
	}

	/**
	 * Upserts CalendarConflict only when it changes and never before a first clash, so bookings without one (and
	 * histories recorded before the attribute existed) keep the same commands.
	 */
	private void showConflict(boolean conflict) {
		if (conflict != conflictShown) {
			conflictShown = conflict;
			Workflow.upsertTypedSearchAttributes(BookingTemporal.CALENDAR_CONFLICT.valueSet(conflict ? "YES" : "NO"));
		}
	}

	private static String reason(ActivityFailure failure) {
		Throwable cause = failure.getCause();
		if (cause instanceof ApplicationFailure app) {
			return app.getOriginalMessage() + (app.getType() != null ? " (" + app.getType() + ")" : "");
		}
		if (cause instanceof TemporalFailure temporal) {
			return temporal.getOriginalMessage();
		}
		return failure.getOriginalMessage();
	}

	@Override
	public void retrySync() {
		retryRequested = true;
		if (pass != null && (calendarTrack.manual() || crmTrack.manual())) {
			// The operator waits for the flagged integration; the other one's pending retries must not hold it
			// back. The cancelled sync is still due and starts afresh in the next pass, with the flagged one.
			pass.cancel("operator retry");
		}
	}

	@Override
	public void bookingChanged() {
		changed = true;
		if (pass != null) {
			pass.cancel("booking changed");
		}
	}

	@Override
	public SyncStatus syncStatus() {
		return new SyncStatus(calendarTrack.state, crmTrack.state, snapshot == null ? 0 : snapshot.revision(),
				snapshot == null ? null : (snapshot.cancelled() ? "CANCELLED" : "CONFIRMED"), calendarTrack.error,
				crmTrack.error);
	}

	/** Where one integration stands within this workflow run. */
	private static final class Track {

		final Integration integration;

		final SearchAttributeKey<String> attribute;

		SyncState state = SyncState.PENDING;

		String error;

		boolean due;

		/** Whether this run synced the integration once: the next calendar pass updates rather than creates. */
		boolean syncedBefore;

		Track(Integration integration, SearchAttributeKey<String> attribute) {
			this.integration = integration;
			this.attribute = attribute;
		}

		boolean manual() {
			return state == SyncState.MANUAL && !due;
		}

		void retryIfManual() {
			if (state == SyncState.MANUAL) {
				due = true;
			}
		}

		void show(SyncState newState, String newError) {
			state = newState;
			error = newError;
			syncedBefore |= newState == SyncState.SYNCED;
			Workflow.upsertTypedSearchAttributes(attribute.valueSet(newState.name()));
		}

	}

}
