package com.acme.booking.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Converges the outside world to the booking in PostgreSQL. Each pass loads the booking,
 * runs the calendar and CRM syncs side by side (one failing never holds the other),
 * records the outcome, then waits for a change, an operator's retry, a background try of
 * a flag an outage raised, the reminder or the end of the appointment; the customer's
 * emails run beside it ({@link MailLane}). A booking held for email verification is first
 * only held: its verification email goes out, and nothing reaches the calendar or the CRM
 * until the customer confirms; a hold not confirmed in time expires on a durable timer.
 * Deterministic: no I/O, clocks or randomness but Temporal's.
 */
@WorkflowImpl(taskQueues = BookingTemporal.TASK_QUEUE)
public class BookingWorkflowImpl implements BookingWorkflow {

	private static final String PENDING_VERIFICATION = "PENDING_VERIFICATION";

	private static final Logger log = Workflow.getLogger(BookingWorkflowImpl.class);

	/**
	 * The PostgreSQL bookkeeping, as local activities: a marker in the workflow task that
	 * needed it, not an activity task and a workflow task of its own.
	 */
	private final BookingStateActivities state = Workflow.newLocalActivityStub(BookingStateActivities.class,
			SyncRetrySettings.stateLocalActivityOptions());

	private final ShownAttributes attributes = new ShownAttributes();

	private final SyncTrack calendarTrack = new SyncTrack(Integration.CALENDAR, BookingTemporal.CALENDAR_SYNC);

	private final SyncTrack crmTrack = new SyncTrack(Integration.CRM, BookingTemporal.CRM_SYNC);

	private final CalendarSyncActivities calendarInBackground = Workflow.newActivityStub(CalendarSyncActivities.class);

	private final CrmSyncActivities crmInBackground = Workflow.newActivityStub(CrmSyncActivities.class);

	private final SyncTrack mailTrack = new SyncTrack(Integration.MAIL, BookingTemporal.MAIL_SYNC);

	/**
	 * The booking is an unconfirmed hold: no calendar sync will run, so its email does
	 * not wait for one.
	 */
	private boolean holding;

	private final MailLane mail = new MailLane(mailTrack, attributes, () -> calendarTrack.due && !holding);

	private String bookingId;

	private BookingSnapshot snapshot;

	private boolean changed = true;

	private boolean retryRequested;

	private CancellationScope pass;

	/**
	 * Whether the CalendarConflict search attribute says YES; it is only written once a
	 * clash was seen.
	 */
	private boolean conflictShown;

	@Override
	public void run(String bookingId) {
		this.bookingId = bookingId;
		// The start options set it (BookingTemporal.startAttributes); a run started
		// otherwise shows it here.
		attributes.show(BookingTemporal.BOOKING_ID.valueSet(bookingId));
		// A run continued from another inherits its search attributes: a clash it showed
		// is cleared by this run's first clear sync.
		conflictShown = "YES".equals(Workflow.getTypedSearchAttributes().get(BookingTemporal.CALENDAR_CONFLICT));
		mail.start(bookingId, state);
		while (true) {
			// Only after a wake-up, which re-syncs anyway: a fresh run starts with
			// everything due. Never while an email attempt is under way: its outcome
			// would be lost with this run.
			if (Workflow.getInfo().isContinueAsNewSuggested() && !mail.busy()) {
				Workflow.continueAsNew(bookingId);
			}
			if (changed) {
				changed = false;
				allTracks().forEach(SyncTrack::dueNow);
			}
			if (retryRequested) {
				retryRequested = false;
				allTracks().forEach(SyncTrack::retryIfManual);
				mail.reminder().retryIfFailed();
			}
			snapshot = state.load(bookingId);
			long revision = snapshot.revision();
			allTracks().forEach(track -> track.loaded(revision));
			if (snapshot.unconfirmedHold()) {
				if (!holdForVerification()) {
					return;
				}
				continue;
			}
			mail.reminder().plan(snapshot);
			runPass();
			if (changed || retryRequested) {
				continue;
			}
			if (!waitForWork()) {
				return;
			}
		}
	}

	/**
	 * Holds the slot while the customer has not confirmed the email address: the mail
	 * lane sends the verification email, and the workflow waits for the confirmation (the
	 * {@code verified} signal, or the reconciler's), a change, or the end of the hold,
	 * whichever comes first. Nothing reaches the calendar or the CRM meanwhile.
	 * @return true when the booking must be loaded again (confirmed, changed, or
	 * confirmed just as the hold ran out); false when the hold ended unconfirmed and the
	 * workflow is done
	 */
	private boolean holdForVerification() {
		holding = true;
		if (snapshot.cancelled()) {
			// Withdrawn or expired before it was confirmed: nothing outside knows of it.
			return endUnconfirmedHold();
		}
		attributes.show(BookingTemporal.BOOKING_STATUS.valueSet(PENDING_VERIFICATION));
		long left = snapshot.holdUntilEpochMillis() - Workflow.currentTimeMillis();
		if (left > 0 && awaitWorkUntil(Duration.ofMillis(left))) {
			holding = false;
			return true;
		}
		if (!state.expireHold(bookingId)) {
			// The confirmation won the row just as the hold ran out.
			holding = false;
			return true;
		}
		log.info("Hold of booking {} expired unconfirmed; its slot is free again", bookingId);
		return endUnconfirmedHold();
	}

	/** The workflow of a hold that ended unconfirmed ends once its email is done. */
	private boolean endUnconfirmedHold() {
		attributes.show(BookingTemporal.BOOKING_STATUS.valueSet("CANCELLED"));
		Workflow.await(() -> !mail.busy());
		return false;
	}

	/**
	 * Waits for a change or a retry, sending the reminder when its time comes; false when
	 * the workflow is done (the email of the last change sent or flagged first). A run
	 * ends with the appointment, and tries a flag raised by an outage again every
	 * background interval until then.
	 */
	private boolean waitForWork() {
		long healAt = Long.MAX_VALUE;
		while (!(changed || retryRequested)) {
			long now = Workflow.currentTimeMillis();
			if (healAt == Long.MAX_VALUE && healing()) {
				// Flagged in the pass, or by the email lane while this run waited.
				healAt = now + snapshot.backgroundRetryMillis();
			}
			boolean manual = allTracks().stream().anyMatch(SyncTrack::manual);
			boolean over = snapshot.endEpochMillis() <= now;
			boolean done = (snapshot.cancelled() && !manual) || over;
			if (done) {
				if (!mail.busy()) {
					return false;
				}
				// The workflow ends once the email of the last change has gone out (or
				// been flagged).
				Workflow.await(() -> changed || retryRequested || !mail.busy());
				continue;
			}
			if (mail.reminder().dueBy(now)) {
				mail.sendReminder();
				continue;
			}
			if (now >= healAt) {
				allTracks().forEach(SyncTrack::retryInBackgroundIfHealing);
				return true;
			}
			long wakeAt = Math.min(Math.min(healAt, snapshot.endEpochMillis()),
					mail.reminder().pending ? mail.reminder().at : Long.MAX_VALUE);
			boolean healPlanned = healAt != Long.MAX_VALUE;
			awaitWorkUntil(Duration.ofMillis(wakeAt - now), () -> !healPlanned && healing());
		}
		return true;
	}

	/**
	 * A flag raised by an outage: the next wait ends with a background try.
	 */
	private boolean healing() {
		return snapshot.backgroundRetryMillis() > 0
				&& allTracks().stream().anyMatch(track -> track.manual() && track.healsItself);
	}

	/**
	 * Waits for a change or a retry at most {@code timeout}; false when the time ran out.
	 */
	private boolean awaitWorkUntil(Duration timeout) {
		return awaitWorkUntil(timeout, () -> false);
	}

	/**
	 * Waits for a change, a retry or {@code also} at most {@code timeout}; false when the
	 * time ran out.
	 */
	private boolean awaitWorkUntil(Duration timeout, Supplier<Boolean> also) {
		boolean[] woken = new boolean[1];
		CancellationScope waiting = Workflow.newCancellationScope(
				() -> woken[0] = Workflow.await(timeout, () -> changed || retryRequested || also.get()));
		waiting.run();
		// Workflow.await leaves its timer running when the condition wins; without this a
		// rescheduled booking
		// would keep one stale timer per wake-up, each waking the workflow for nothing at
		// an old end time.
		waiting.cancel();
		return woken[0];
	}

	private void runPass() {
		List<SyncTrack> due = Stream.of(calendarTrack, crmTrack).filter(track -> track.due).toList();
		// A background try keeps MANUAL shown: the alert stands until the outside system
		// answers.
		Stream<SearchAttributeUpdate<String>> pending = due.stream()
			.filter(track -> !track.background)
			.map(track -> track.show(SyncState.PENDING, null));
		attributes.show(Stream
			.concat(Stream
				.of(BookingTemporal.BOOKING_STATUS.valueSet(snapshot.cancelled() ? "CANCELLED" : "CONFIRMED")), pending)
			.toArray(SearchAttributeUpdate<?>[]::new));
		List<Promise<Void>> running = new ArrayList<>();
		pass = Workflow
			.newCancellationScope(() -> due.forEach(track -> running.add(Async.procedure(this::sync, track))));
		pass.run();
		Promise.allOf(running).get();
		pass = null;
	}

	private List<SyncTrack> allTracks() {
		return List.of(calendarTrack, crmTrack, mailTrack);
	}

	private void sync(SyncTrack track) {
		SyncResult result;
		try {
			result = call(track);
		}
		catch (ActivityFailure failure) {
			if (failure.getCause() instanceof CanceledFailure || CancellationScope.current().isCancelRequested()) {
				// Superseded by a change: the next pass pushes the new state.
				return;
			}
			String reason = FailureReason.of(failure);
			boolean outage = failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED;
			if (!track.background) {
				log.warn("{} sync of booking {} needs an operator{}: {}", track.integration, bookingId,
						outage ? " (tried again in the background)" : "", reason);
			}
			Workflow.newDetachedCancellationScope(() -> state.flagManualSync(bookingId, track.integration, reason))
				.run();
			track.due = false;
			track.ended(track.knownRevision);
			track.background = false;
			track.healsItself = outage;
			attributes.show(track.show(SyncState.MANUAL, reason));
			return;
		}
		Workflow.newDetachedCancellationScope(() -> state.recordResult(bookingId, track.integration, result)).run();
		track.due = false;
		track.ended(result.revision());
		track.background = false;
		track.healsItself = false;
		attributes.show(track.show(result.state(), null),
				track.integration == Integration.CALENDAR ? conflict(result.calendarConflict()) : null);
	}

	/**
	 * CalendarConflict only when it changes and never before a first clash, so bookings
	 * without one (and histories recorded before the attribute existed) keep the same
	 * commands; null when there is nothing to show.
	 */
	private SearchAttributeUpdate<String> conflict(boolean conflict) {
		if (conflict == conflictShown) {
			return null;
		}
		conflictShown = conflict;
		return BookingTemporal.CALENDAR_CONFLICT.valueSet(conflict ? "YES" : "NO");
	}

	private SyncResult call(SyncTrack track) {
		// Background tries use plain stubs: a stub with per-method options (the
		// summaries) does not keep the worker's
		// single-attempt policy for them (seen: the default policy's attempts), and a try
		// must be one attempt.
		if (track.integration == Integration.CALENDAR) {
			return track.background ? calendarInBackground.syncCalendarInBackground(bookingId)
					: ActivitySummaries.calendar(snapshot, track.syncedBefore).syncCalendar(bookingId);
		}
		return track.background ? crmInBackground.syncCrmInBackground(bookingId)
				: ActivitySummaries.crm(snapshot).syncCrm(bookingId);
	}

	@Override
	public void retrySync() {
		retryRequested = true;
		if (pass != null && (calendarTrack.manual() || crmTrack.manual())) {
			// The operator waits for the flagged integration; the other one's pending
			// retries must not hold it
			// back. The cancelled sync is still due and starts afresh in the next pass,
			// with the flagged one.
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
	public void verified() {
		bookingChanged();
	}

	@Override
	public void syncBehind(long revision) {
		// A pass already working on this revision keeps going (and keeps its retry
		// budget).
		if (snapshot == null || revision > snapshot.revision()) {
			bookingChanged();
		}
	}

	@Override
	public SyncStatus syncStatus() {
		return new SyncStatus(calendarTrack.state, crmTrack.state, snapshot == null ? 0 : snapshot.revision(),
				snapshot == null ? null : statusName(), calendarTrack.error, crmTrack.error, mailTrack.state,
				mailTrack.error);
	}

	private String statusName() {
		if (snapshot.cancelled()) {
			return "CANCELLED";
		}
		return snapshot.unconfirmedHold() ? PENDING_VERIFICATION : "CONFIRMED";
	}

}
