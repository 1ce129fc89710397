package com.acme.booking.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

	/** Where each integration stands in this run, in {@link Integration}'s order. */
	private final Map<Integration, SyncTrack> tracks = new EnumMap<>(Integration.class);

	{
		for (Integration integration : Integration.values()) {
			tracks.put(integration, new SyncTrack(integration, BookingTemporal.syncAttribute(integration)));
		}
	}

	/** The calendar: the email waits a little for it, and it reports clashes. */
	private final SyncTrack calendarTrack = tracks.get(Integration.CALENDAR);

	private final SyncTrack mailTrack = tracks.get(Integration.MAIL);

	private final SyncTrack webhookTrack = tracks.get(Integration.WEBHOOK);

	/**
	 * PostgreSQL recorded a webhook event that no change of the booking brought (another
	 * integration flagged or healed), or an operator reset a delivery: the webhooks are
	 * pushed once more.
	 */
	private boolean webhooksOwed;

	/**
	 * The booking is an unconfirmed hold: no calendar sync will run, so its email does
	 * not wait for one.
	 */
	private boolean holding;

	private final MailLane mail = new MailLane(mailTrack, attributes, () -> calendarTrack.due() && !holding,
			() -> webhooksOwed = true);

	private String bookingId;

	private BookingSnapshot snapshot;

	private boolean changed = true;

	private boolean retryRequested;

	/** The booking's calendar drift changed: load it again to show it. */
	private boolean driftChanged;

	/**
	 * Whether the CalendarDrift search attribute says YES; only written once a drift was
	 * seen.
	 */
	private boolean driftShown;

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
		driftShown = "YES".equals(Workflow.getTypedSearchAttributes().get(BookingTemporal.CALENDAR_DRIFT));
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
			driftChanged = false;
			if (webhooksOwed) {
				webhooksOwed = false;
				webhookTrack.dueNow();
			}
			snapshot = state.load(bookingId);
			attributes.show(drift(snapshot.calendarDrift()));
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
			if (changed || retryRequested || driftChanged || webhooksOwed) {
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
	 * Waits for work, sending the reminder when its time comes; true for work (a change,
	 * a retry, a background try of a flag an outage raised, every background interval),
	 * false when the workflow is done: cancelled with nothing flagged, or the appointment
	 * over, and the email of the last change sent or flagged.
	 */
	private boolean waitForWork() {
		long healAt = Long.MAX_VALUE;
		while (!workOrDone(healAt)) {
			long now = Workflow.currentTimeMillis();
			if (healAt == Long.MAX_VALUE && healing()) {
				// Flagged in the pass, or by the email lane while this run waited.
				healAt = now + snapshot.backgroundRetryMillis();
			}
			else if (over(now)) {
				// Nothing left but the email of the last change.
				Workflow.await(() -> changed || retryRequested || driftChanged || webhooksOwed || !mail.busy());
			}
			else if (mail.reminder().dueBy(now)) {
				mail.sendReminder();
			}
			else {
				long wakeAt = Math.min(Math.min(healAt, snapshot.endEpochMillis()), mail.reminder().wakeAt());
				boolean healPlanned = healAt != Long.MAX_VALUE;
				awaitWorkUntil(Duration.ofMillis(wakeAt - now), () -> webhooksOwed || (!healPlanned && healing()));
			}
		}
		if (changed || retryRequested || driftChanged || webhooksOwed) {
			return true;
		}
		if (over(Workflow.currentTimeMillis())) {
			return false;
		}
		allTracks().forEach(SyncTrack::retryInBackgroundIfHealing);
		return true;
	}

	/**
	 * The one exit of the wait: a change, a retry or an owed webhook arrived, or the
	 * workflow is over and its last email done, or (not over) the background try is due.
	 */
	private boolean workOrDone(long healAt) {
		long now = Workflow.currentTimeMillis();
		return changed || retryRequested || driftChanged || webhooksOwed || (over(now) ? !mail.busy() : now >= healAt);
	}

	/**
	 * Nothing left to push: cancelled with no flag waiting for an operator, or the
	 * appointment has ended.
	 */
	private boolean over(long now) {
		boolean manual = allTracks().stream().anyMatch(SyncTrack::manual);
		return (snapshot.cancelled() && !manual) || snapshot.endEpochMillis() <= now;
	}

	/**
	 * A flag raised by an outage: the next wait ends with a background try.
	 */
	private boolean healing() {
		return snapshot.backgroundRetryMillis() > 0 && allTracks().stream().anyMatch(SyncTrack::healing);
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
		CancellationScope waiting = Workflow.newCancellationScope(() -> woken[0] = Workflow.await(timeout,
				() -> changed || retryRequested || driftChanged || also.get()));
		waiting.run();
		// Workflow.await leaves its timer running when the condition wins; without this a
		// rescheduled booking
		// would keep one stale timer per wake-up, each waking the workflow for nothing at
		// an old end time.
		waiting.cancel();
		return woken[0];
	}

	private void runPass() {
		List<SyncTrack> due = passTracks().filter(SyncTrack::due).toList();
		// A background try keeps MANUAL shown: the alert stands until the outside system
		// answers.
		Stream<SearchAttributeUpdate<String>> pending = due.stream()
			.filter(track -> !track.background())
			.map(SyncTrack::passStarted);
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
		return List.copyOf(tracks.values());
	}

	/** The integrations pushed in the passes: all but the email, which has its lane. */
	private Stream<SyncTrack> passTracks() {
		return tracks.values().stream().filter(track -> track.integration.inPasses());
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
			if (!track.background()) {
				log.warn("{} sync of booking {} needs an operator{}: {}", track.integration, bookingId,
						outage ? " (tried again in the background)" : "", reason);
			}
			boolean[] owed = new boolean[1];
			Workflow
				.newDetachedCancellationScope(
						() -> owed[0] = state.flagManualSync(bookingId, track.integration, reason))
				.run();
			webhooksOwed |= owed[0];
			track.passEnded();
			attributes.show(track.flagged(reason, outage));
			return;
		}
		boolean[] owed = new boolean[1];
		Workflow.newDetachedCancellationScope(() -> owed[0] = state.recordResult(bookingId, track.integration, result))
			.run();
		webhooksOwed |= owed[0];
		track.passEnded();
		// A calendar push makes the event match the booking: a drift is settled.
		attributes.show(track.pushed(result),
				track.integration == Integration.CALENDAR ? conflict(result.calendarConflict()) : null,
				track.integration == Integration.CALENDAR ? drift(false) : null);
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

	/** CalendarDrift as CalendarConflict: only when it changes, never before a first. */
	private SearchAttributeUpdate<String> drift(boolean drift) {
		if (drift == driftShown) {
			return null;
		}
		driftShown = drift;
		return BookingTemporal.CALENDAR_DRIFT.valueSet(drift ? "YES" : "NO");
	}

	private SyncResult call(SyncTrack track) {
		if (track.background()) {
			return ActivitySummaries.background(track.integration).syncInBackground(bookingId);
		}
		return ActivitySummaries.push(track.integration, snapshot, track.syncedBefore()).sync(bookingId);
	}

	@Override
	public void retrySync() {
		retryRequested = true;
		if (pass != null && passTracks().anyMatch(SyncTrack::manual)) {
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
	public void calendarDriftChanged() {
		driftChanged = true;
	}

	@Override
	public void redeliverWebhooks() {
		webhooksOwed = true;
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
		SyncTrack crm = tracks.get(Integration.CRM);
		return new SyncStatus(calendarTrack.state(), crm.state(), snapshot == null ? 0 : snapshot.revision(),
				snapshot == null ? null : statusName(), calendarTrack.error(), crm.error(), mailTrack.state(),
				mailTrack.error(), webhookTrack.state(), webhookTrack.error());
	}

	private String statusName() {
		if (snapshot.cancelled()) {
			return "CANCELLED";
		}
		return snapshot.unconfirmedHold() ? PENDING_VERIFICATION : "CONFIRMED";
	}

}
