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
 * @param holdExpiresAt for a booking made with email verification on, when its hold ends
 * unless the customer confirms; null for a booking made without. Kept after the
 * confirmation.
 * @param verifiedAt when the customer proved the email address is theirs by opening the
 * verification link; null when never (verification off, or a hold not confirmed)
 * @param cancellationReason why the service itself cancelled the booking
 * ({@link #VERIFICATION_EXPIRED}); null when a customer or an operator did, or it is not
 * cancelled
 * @param manageLinkVersion version of the manage link: part of the token, bumped when an
 * operator revokes the link
 */
public record Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
		String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
		boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
		long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
		boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
		Instant updatedAt, CalendarConflict calendarConflict, boolean syncUnfinished, boolean mailSynced,
		boolean requiresManualMailSync, String mailSyncError, long mailSyncedRevision, Instant holdExpiresAt,
		Instant verifiedAt, String cancellationReason, int manageLinkVersion) {

	/** The reason of a hold the customer did not confirm in time. */
	public static final String VERIFICATION_EXPIRED = "VERIFICATION_EXPIRED";

	/**
	 * A booking made without email verification, on the first manage link (for callers
	 * that only care about the rest).
	 */
	public Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
			String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
			boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError,
			long calendarSyncedRevision, String crmContactId, String crmMeetingId, boolean crmSynced,
			boolean requiresManualCrmSync, String crmSyncError, long crmSyncedRevision, Instant createdAt,
			Instant updatedAt, CalendarConflict calendarConflict, boolean syncUnfinished, boolean mailSynced,
			boolean requiresManualMailSync, String mailSyncError, long mailSyncedRevision) {
		this(id, status, name, email, company, phone, inquiry, startTime, endTime, timeZone, revision, calendarEventId,
				calendarSynced, requiresManualCalendarSync, calendarSyncError, calendarSyncedRevision, crmContactId,
				crmMeetingId, crmSynced, requiresManualCrmSync, crmSyncError, crmSyncedRevision, createdAt, updatedAt,
				calendarConflict, syncUnfinished, mailSynced, requiresManualMailSync, mailSyncError, mailSyncedRevision,
				null, null, null, 1);
	}

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

	public boolean isCancelled() {
		return status == BookingStatus.CANCELLED;
	}

	/** Held until the customer confirms the email address. */
	public boolean isPendingVerification() {
		return status == BookingStatus.PENDING_VERIFICATION;
	}

	/**
	 * Whether the customer proved the email address is theirs (they opened the link of
	 * the verification email). Only then may the booking change what others already hold
	 * under that address, such as the name, company and phone of the CRM contact. False
	 * for every booking made with verification off: its email is only what the booker
	 * typed.
	 */
	public boolean emailVerified() {
		return verifiedAt != null;
	}

	/**
	 * A hold the customer has not confirmed: pending, or ended unconfirmed (expired or
	 * withdrawn). Nothing outside the service (calendar, CRM, confirmation email) ever
	 * learns of it.
	 */
	public boolean unconfirmedHold() {
		return holdExpiresAt != null && verifiedAt == null;
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
