package com.acme.booking.booking;

import java.time.Instant;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.core.CalendarConflict;
import com.acme.booking.core.CalendarDrift;
import com.acme.booking.core.IntegrationSync;
import com.acme.booking.workflow.Integration;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The booking as clients see it (API.md). {@code manageToken} and {@code manageUrl} (the
 * manage page with the token in its fragment) appear once, in the create response; the
 * sync errors tell an operator why a booking needs manual sync; {@code calendarConflict}
 * is null or the busy period of the business's own calendar the booking overlaps;
 * {@code requiresManualMailSync} is set when the customer's email could not be sent
 * within the retry policy. {@code status} is {@code PENDING_VERIFICATION} while a hold
 * waits for the customer's email confirmation; {@code cancellationReason} appears only on
 * a booking the service cancelled itself: {@code VERIFICATION_EXPIRED} for a hold not
 * confirmed in time. {@code calendarDrift} is null, or what the business's owner did to
 * the booking's event in Google, kept for an operator with
 * {@code booking.calendar.owner-changes=flag}: {@code {"start", "end"}} of its new time
 * or {@code {"deleted": true}}. {@code requiresManualWebhookSync} is set when a webhook
 * delivery ran out of attempts. The webhooks' {@code data} is this resource without the
 * manage link, so it lives where the API and the worker both reach it.
 */
public record BookingResource(UUID id, BookingStatus status,
		@JsonInclude(JsonInclude.Include.NON_NULL) String cancellationReason, String name, String email, String company,
		String phone, String inquiry, Instant startTime, Instant endTime, String timeZone, String calendarEventId,
		boolean calendarSynced, boolean requiresManualCalendarSync, String calendarSyncError, String crmContactId,
		boolean crmSynced, boolean requiresManualCrmSync, String crmSyncError, boolean requiresManualMailSync,
		String mailSyncError, boolean requiresManualWebhookSync, String webhookSyncError,
		CalendarConflict calendarConflict, Drift calendarDrift, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String manageToken,
		@JsonInclude(JsonInclude.Include.NON_NULL) String manageUrl) {

	public static BookingResource of(Booking b) {
		return withManageLink(b, null, null);
	}

	/** The booking with its current manage link: answers that hand out a link. */
	public static BookingResource withManageLink(Booking b, String manageToken, String manageUrl) {
		IntegrationSync calendar = b.sync(Integration.CALENDAR);
		IntegrationSync crm = b.sync(Integration.CRM);
		IntegrationSync mail = b.sync(Integration.MAIL);
		IntegrationSync webhook = b.sync(Integration.WEBHOOK);
		return new BookingResource(b.id(), b.status(), b.cancellationReason(), b.name(), b.email(), b.company(),
				b.phone(), b.inquiry(), b.startTime(), b.endTime(), b.timeZone(), b.calendarEventId(),
				calendar.synced(), calendar.manual(), calendar.error(), b.crmContactId(), crm.synced(), crm.manual(),
				crm.error(), mail.manual(), mail.error(), webhook.manual(), webhook.error(), b.calendarConflict(),
				Drift.of(b.calendarDrift()), b.createdAt(), b.updatedAt(), manageToken, manageUrl);
	}

	/**
	 * What the owner did to the event: {@code {"start", "end"}} or {@code {"deleted":
	 * true}}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Drift(Instant start, Instant end, Boolean deleted) {

		static Drift of(CalendarDrift drift) {
			if (drift == null) {
				return null;
			}
			return drift.deleted() ? new Drift(null, null, true) : new Drift(drift.start(), drift.end(), null);
		}

	}

}
