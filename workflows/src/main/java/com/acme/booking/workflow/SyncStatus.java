package com.acme.booking.workflow;

/**
 * The answer to the {@code syncStatus} query.
 *
 * @param calendar where the calendar event stands
 * @param crm where the CRM contact stands
 * @param revision the booking revision last loaded by the workflow
 * @param bookingStatus {@code PENDING_VERIFICATION}, {@code CONFIRMED} or
 * {@code CANCELLED}, as last loaded
 * @param calendarError why the calendar sync needs an operator, if it does
 * @param crmError why the CRM sync needs an operator, if it does
 * @param mail where the email of the latest change stands ({@code DISABLED}: recorded,
 * not sent)
 * @param mailError why the email needs an operator, if it does
 * @param webhook where the booking's webhook deliveries stand ({@code DISABLED}: no
 * endpoint configured)
 * @param webhookError why the webhooks need an operator, if they do
 */
public record SyncStatus(SyncState calendar, SyncState crm, long revision, String bookingStatus, String calendarError,
		String crmError, SyncState mail, String mailError, SyncState webhook, String webhookError) {
}
