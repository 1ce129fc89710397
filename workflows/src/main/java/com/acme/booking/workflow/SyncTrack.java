package com.acme.booking.workflow;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;

/**
 * Where one integration stands within a workflow run: whether it is due, what it last
 * pushed or flagged, what its search attribute shows. Its state changes only through
 * these methods, whoever pushes it (a pass, or the email's lane). Workflow state:
 * deterministic, no I/O.
 */
final class SyncTrack {

	final Integration integration;

	private final SearchAttributeKey<String> attribute;

	private SyncState state = SyncState.PENDING;

	private String error;

	/** The integration should be pushed next. */
	private boolean due;

	/** The booking's revision as this run last loaded it. */
	private long knownRevision;

	/**
	 * The revision this run last pushed or flagged; a booking loaded at a later revision
	 * makes the track due, however the workflow learnt of the change.
	 */
	private long handledRevision;

	/**
	 * A push runs beside the passes (the emails): the revision it carries is only known
	 * when it ends.
	 */
	private boolean inFlight;

	/**
	 * The next push is a background try: one attempt, the flag stays shown until it
	 * succeeds.
	 */
	private boolean background;

	/**
	 * Whether this run synced the integration once: the next calendar pass updates rather
	 * than creates.
	 */
	private boolean syncedBefore;

	/**
	 * The flag was raised by a transient failure (an outage): the workflow tries again on
	 * its own.
	 */
	private boolean healsItself;

	SyncTrack(Integration integration, SearchAttributeKey<String> attribute) {
		this.integration = integration;
		this.attribute = attribute;
	}

	SyncState state() {
		return state;
	}

	String error() {
		return error;
	}

	boolean due() {
		return due;
	}

	boolean background() {
		return background;
	}

	boolean syncedBefore() {
		return syncedBefore;
	}

	/** Flagged and not about to be tried again. */
	boolean manual() {
		return state == SyncState.MANUAL && !due;
	}

	/** Flagged by an outage: the next wait ends with a background try. */
	boolean healing() {
		return manual() && healsItself;
	}

	/** Due with a fresh retry budget (a change, a new run, an operator's retry). */
	void dueNow() {
		due = true;
		background = false;
	}

	/**
	 * The booking was loaded at {@code revision}: due when that is ahead of what this run
	 * pushed or flagged, so a change whose signal was lost still reaches every
	 * integration, and a new run (a restart, continue-as-new) pushes everything once. A
	 * push under way is judged when it ends.
	 */
	void loaded(long revision) {
		knownRevision = revision;
		if (!due && !inFlight && handledRevision < revision) {
			dueNow();
		}
	}

	void retryIfManual() {
		if (state == SyncState.MANUAL) {
			dueNow();
		}
	}

	/** The background try of a flag raised by an outage, if this track has one. */
	void retryInBackgroundIfHealing() {
		if (healing()) {
			due = true;
			background = true;
		}
	}

	/**
	 * A push starts beside the passes (the email's lane): no longer due, so a change
	 * during the push makes it due again. The update that shows it {@code PENDING}.
	 */
	SearchAttributeUpdate<String> pushStarted() {
		due = false;
		inFlight = true;
		return show(SyncState.PENDING, null);
	}

	/**
	 * The push ended with {@code result}, recorded in PostgreSQL; due again when the
	 * booking was loaded at a later revision meanwhile. The update that shows it.
	 */
	SearchAttributeUpdate<String> pushed(SyncResult result) {
		return ended(result.state(), null, result.revision(), false);
	}

	/**
	 * The push failed for good or its attempts ran out ({@code outage}: it is tried again
	 * in the background), flagged in PostgreSQL. The update that shows it {@code MANUAL}.
	 */
	SearchAttributeUpdate<String> flagged(String reason, boolean outage) {
		return ended(SyncState.MANUAL, reason, knownRevision, outage);
	}

	/**
	 * Shows a flag that is not this push's (the email's reminder that could not be sent):
	 * nothing else changes.
	 */
	SearchAttributeUpdate<String> showFlag(String reason) {
		return show(SyncState.MANUAL, reason);
	}

	/**
	 * A pass starts pushing the track; it stays due until the pass is over (the email
	 * waits for a calendar that is due). The update that shows it {@code PENDING}.
	 */
	SearchAttributeUpdate<String> passStarted() {
		return show(SyncState.PENDING, null);
	}

	/** A pass that pushed the track is over: it is due again only by a change. */
	void passEnded() {
		due = false;
	}

	private SearchAttributeUpdate<String> ended(SyncState newState, String newError, long revision, boolean outage) {
		background = false;
		healsItself = outage;
		inFlight = false;
		SearchAttributeUpdate<String> shown = show(newState, newError);
		handledRevision = Math.max(handledRevision, revision);
		if (!due && handledRevision < knownRevision && state != SyncState.MANUAL) {
			dueNow();
		}
		return shown;
	}

	private SearchAttributeUpdate<String> show(SyncState newState, String newError) {
		state = newState;
		error = newError;
		syncedBefore |= newState == SyncState.SYNCED;
		return attribute.valueSet(newState.name());
	}

}
