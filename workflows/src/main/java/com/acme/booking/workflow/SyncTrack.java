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
	 * Moves the track to {@code newState}; the search attribute update that shows it,
	 * null for the mail track.
	 */
	SearchAttributeUpdate<String> show(SyncState newState, String newError) {
		state = newState;
		error = newError;
		syncedBefore |= newState == SyncState.SYNCED;
		// The mail track has no search attribute: its flag shows in PostgreSQL and the
		// admin list.
		return attribute == null ? null : attribute.valueSet(newState.name());
	}

}
