package com.acme.booking.workflow;

/**
 * What a sync activity did.
 *
 * @param state {@link SyncState#SYNCED} when the outside system now matches, {@link SyncState#DISABLED} when the
 * integration is off
 * @param revision the booking revision that was pushed
 * @param externalId the event or contact id in the outside system, if any
 */
public record SyncResult(SyncState state, long revision, String externalId) {

	public static SyncResult disabled(long revision) {
		return new SyncResult(SyncState.DISABLED, revision, null);
	}

	public static SyncResult synced(long revision, String externalId) {
		return new SyncResult(SyncState.SYNCED, revision, externalId);
	}

}
