package com.acme.booking.workflow;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;

/**
 * Where one integration stands within a workflow run (workflow state: deterministic, no
 * I/O).
 */
final class SyncTrack {

	final Integration integration;

	final SearchAttributeKey<String> attribute;

	SyncState state = SyncState.PENDING;

	String error;

	/** The integration should be pushed in the next pass. */
	boolean due;

	/** The booking's revision as this run last loaded it. */
	long knownRevision;

	/**
	 * The revision this run last pushed or flagged; a booking loaded at a later revision
	 * makes the track due, however the workflow learnt of the change.
	 */
	long handledRevision;

	/**
	 * A push runs beside the passes (the emails): the revision it carries is only known
	 * when it ends.
	 */
	boolean inFlight;

	/**
	 * The next push is a background try: one attempt, the flag stays shown until it
	 * succeeds.
	 */
	boolean background;

	/**
	 * Whether this run synced the integration once: the next calendar pass updates rather
	 * than creates.
	 */
	boolean syncedBefore;

	/**
	 * The flag was raised by a transient failure (an outage): the workflow tries again on
	 * its own.
	 */
	boolean healsItself;

	SyncTrack(Integration integration, SearchAttributeKey<String> attribute) {
		this.integration = integration;
		this.attribute = attribute;
	}

	/** Flagged and not about to be tried again. */
	boolean manual() {
		return state == SyncState.MANUAL && !due;
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
	 * push under way is judged when it ends ({@link #ended}).
	 */
	void loaded(long revision) {
		knownRevision = revision;
		if (!due && !inFlight && handledRevision < revision) {
			dueNow();
		}
	}

	/**
	 * A push ended, synced at {@code revision} or flagged ({@code revision} is then what
	 * was last loaded); due again when the booking was loaded at a later revision
	 * meanwhile.
	 */
	void ended(long revision) {
		inFlight = false;
		handledRevision = Math.max(handledRevision, revision);
		if (!due && handledRevision < knownRevision && state != SyncState.MANUAL) {
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
		if (manual() && healsItself) {
			due = true;
			background = true;
		}
	}

	/**
	 * Moves the track to {@code newState}; the search attribute update that shows it.
	 */
	SearchAttributeUpdate<String> show(SyncState newState, String newError) {
		state = newState;
		error = newError;
		syncedBefore |= newState == SyncState.SYNCED;
		return attribute.valueSet(newState.name());
	}

}
