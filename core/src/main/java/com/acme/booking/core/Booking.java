package com.acme.booking.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as stored in PostgreSQL, the source of truth for the calendar event and the CRM contact.
 *
 * @param revision bumped by every change; a sync records the revision it pushed
 * @param calendarSyncedRevision the last revision the calendar sync finished for (pushed, or nothing to do)
 * @param crmSyncedRevision the same for the CRM
 * @param calendarConflict a busy period of the business's own calendar the booking overlaps, found by the calendar
 * sync; null when none
 */
public record Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
		String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
		boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
		long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
		boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
		Instant updatedAt, CalendarConflict calendarConflict) {

	public boolean isCancelled() {
		return status == BookingStatus.CANCELLED;
	}

	/** True while some integration still has to push the current revision or waits for an operator. */
	public boolean syncUnfinished() {
		return calendarSyncedRevision < revision || crmSyncedRevision < revision || requiresManualCalendarSync
				|| requiresManualCrmSync;
	}

}
