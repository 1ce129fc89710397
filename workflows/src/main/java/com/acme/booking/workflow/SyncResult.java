package com.acme.booking.workflow;

/**
 * What a sync activity did.
 *
 * @param state {@link SyncState#SYNCED} when the outside system now matches,
 * {@link SyncState#DISABLED} when the integration is off
 * @param revision the booking revision that was pushed
 * @param externalId the event or contact id in the outside system, if any
 * @param calendarConflict the calendar sync found the booking overlapping a busy time of
 * the business's own calendar
 */
public record SyncResult(SyncState state, long revision, String externalId, boolean calendarConflict) {

	public static SyncResult disabled(long revision) {
		return new SyncResult(SyncState.DISABLED, revision, null, false);
	}

	public static SyncResult synced(long revision, String externalId) {
		return new SyncResult(SyncState.SYNCED, revision, externalId, false);
	}

	public SyncResult withCalendarConflict(boolean conflict) {
		return new SyncResult(state, revision, externalId, conflict);
	}

}
