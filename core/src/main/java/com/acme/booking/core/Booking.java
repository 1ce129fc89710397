package com.acme.booking.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as stored in PostgreSQL, the source of truth for the calendar event and the
 * CRM contact.
 *
 * @param revision bumped by every change; a sync records the revision it pushed
 * @param calendarSyncedRevision the last revision the calendar sync finished for (pushed,
 * or nothing to do)
 * @param crmSyncedRevision the same for the CRM
 * @param calendarConflict a busy period of the business's own calendar the booking
 * overlaps, found by the calendar sync; null when none
 * @param syncUnfinished true while some integration (the email included) still has to
 * push the current revision or waits for an operator; computed by PostgreSQL (the
 * {@code sync_unfinished} column), the one place that rule is written
 * @param mailSynced whether the email for the current revision went out
 * @param requiresManualMailSync the email could not be sent within the retry policy and
 * waits for an operator
 * @param mailSyncError why, for the operator
 * @param mailSyncedRevision the last revision whose email was handled (sent, or recorded
 * with mail disabled)
 */
public record Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
		String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
		boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
		long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
		boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
		Instant updatedAt, CalendarConflict calendarConflict, boolean syncUnfinished, boolean mailSynced,
		boolean requiresManualMailSync, String mailSyncError, long mailSyncedRevision) {

	/**
	 * A booking whose email bookkeeping is settled (for callers that only care about the
	 * rest).
	 */
	public Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
			String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
			boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
			long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
			boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
			Instant updatedAt, CalendarConflict calendarConflict, boolean syncUnfinished) {
		this(id, status, name, email, company, phone, inquiry, startTime, endTime, timeZone, revision, calendarEventId,
				calendarSynced, requiresManualCalendarSync, calendarSyncError, calendarSyncedRevision, crmContactId,
				crmMeetingId, crmSynced, requiresManualCrmSync, crmSyncError, crmSyncedRevision, createdAt, updatedAt,
				calendarConflict, syncUnfinished, false, false, null, revision);
	}

	/**
	 * Whether the customer has shown that they receive mail at {@link #email}. Only then
	 * may the booking change what others already hold under that address, such as the
	 * name, company and phone of the CRM contact. Nothing proves it yet, so no booking is
	 * verified.
	 */
	public boolean emailVerified() {
		return false;
	}

	public boolean isCancelled() {
		return status == BookingStatus.CANCELLED;
	}

	/**
	 * The booking's own rule for a change: a cancelled booking is final. Checked before a
	 * change is planned (so the client hears this rather than a slot rule) and again
	 * under the row lock, where a cancel that won the race shows.
	 * @throws BookingCancelled when the booking is cancelled
	 */
	public Booking requireChangeable() {
		if (isCancelled()) {
			throw new BookingCancelled();
		}
		return this;
	}

}
