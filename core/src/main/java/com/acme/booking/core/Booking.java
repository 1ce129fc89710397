package com.acme.booking.core;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.workflow.Integration;

/**
 * A booking as stored in PostgreSQL, the source of truth for the calendar event, the CRM
 * contact and the customer's emails.
 *
 * @param revision bumped by every change; a sync records the revision it pushed
 * @param calendarEventId the Google Calendar event's id, once known
 * @param crmContactId the HubSpot contact's id, once known
 * @param crmMeetingId the HubSpot meeting's id, once known
 * @param calendarConflict a busy period of the business's own calendar the booking
 * overlaps, found by the calendar sync; null when none
 * @param sync where each integration stands ({@code booking_sync}); an integration
 * without an entry has nothing recorded yet ({@link IntegrationSync#NONE})
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
 * @param calendarDrift what the owner did to the booking's event in Google, kept for an
 * operator ({@code booking.calendar.owner-changes=flag}); null when nothing
 */
public record Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
		String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
		String crmContactId, String crmMeetingId, Instant createdAt, Instant updatedAt,
		CalendarConflict calendarConflict, Map<Integration, IntegrationSync> sync, Instant holdExpiresAt,
		Instant verifiedAt, String cancellationReason, int manageLinkVersion, CalendarDrift calendarDrift) {

	/** The reason of a hold the customer did not confirm in time. */
	public static final String VERIFICATION_EXPIRED = "VERIFICATION_EXPIRED";

	public Booking {
		sync = Map.copyOf(sync);
	}

	/** A booking without a calendar drift. */
	public Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
			String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
			String crmContactId, String crmMeetingId, Instant createdAt, Instant updatedAt,
			CalendarConflict calendarConflict, Map<Integration, IntegrationSync> sync, Instant holdExpiresAt,
			Instant verifiedAt, String cancellationReason, int manageLinkVersion) {
		this(id, status, name, email, company, phone, inquiry, startTime, endTime, timeZone, revision, calendarEventId,
				crmContactId, crmMeetingId, createdAt, updatedAt, calendarConflict, sync, holdExpiresAt, verifiedAt,
				cancellationReason, manageLinkVersion, null);
	}

	/**
	 * A booking made without email verification, on the first manage link (for callers
	 * that only care about the rest).
	 */
	public Booking(UUID id, BookingStatus status, String name, String email, String company, String phone,
			String inquiry, Instant startTime, Instant endTime, String timeZone, long revision, String calendarEventId,
			Instant createdAt, Instant updatedAt, Map<Integration, IntegrationSync> sync) {
		this(id, status, name, email, company, phone, inquiry, startTime, endTime, timeZone, revision, calendarEventId,
				null, null, createdAt, updatedAt, null, sync, null, null, null, 1);
	}

	/** Where {@code integration} stands for this booking. */
	public IntegrationSync sync(Integration integration) {
		return sync.getOrDefault(integration, IntegrationSync.NONE);
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
