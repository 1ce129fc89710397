package com.acme.booking.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as stored in PostgreSQL, the source of truth for the calendar event and the CRM contact.
 *
 * @param revision bumped by every change; a sync records the revision it pushed
 * @param calendarSyncedRevision the last revision the calendar sync finished for (pushed, or nothing to do)
 * @param crmSyncedRevision the same for the CRM
 * @param mailSynced whether the email for the current revision went out
 * @param requiresManualMailSync the email could not be sent within the retry policy and waits for an operator
 * @param mailSyncError why, for the operator
 * @param mailSyncedRevision the last revision whose email was handled (sent, or recorded with mail disabled)
 */
public record Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
		String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
		boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
		long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
		boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
		Instant updatedAt, boolean mailSynced, boolean requiresManualMailSync, String mailSyncError,
		long mailSyncedRevision) {

	/** A booking whose email bookkeeping is settled (for callers that only care about the rest). */
	public Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
			String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
			boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
			long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
			boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
			Instant updatedAt) {
		this(id, status, name, email, company, phone, inquiry, startTime, endTime, timeZone, revision, calendarEventId,
				calendarSynced, requiresManualCalendarSync, calendarSyncError, calendarSyncedRevision, crmContactId,
				crmMeetingId, crmSynced, requiresManualCrmSync, crmSyncError, crmSyncedRevision, createdAt, updatedAt,
				false, false, null, revision);
	}

	public boolean isCancelled() {
		return status == BookingStatus.CANCELLED;
	}

	/** True while some integration still has to push the current revision or waits for an operator. */
	public boolean syncUnfinished() {
		return calendarSyncedRevision < revision || crmSyncedRevision < revision || mailSyncedRevision < revision
				|| requiresManualCalendarSync || requiresManualCrmSync || requiresManualMailSync;
	}

}
