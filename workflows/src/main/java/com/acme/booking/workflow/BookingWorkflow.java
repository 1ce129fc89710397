package com.acme.booking.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One workflow per booking ({@code booking-<id>}). It makes the calendar event and the
 * CRM contact match the booking as stored in PostgreSQL, again after every change, until
 * the appointment has ended. Its input and its signals carry only the booking id, never
 * personal data.
 */
@WorkflowInterface
public interface BookingWorkflow {

	@WorkflowMethod
	void run(String bookingId);

	/** An operator asks to try the failed syncs again (admin API or Temporal Web UI). */
	@SignalMethod(name = BookingTemporal.SIGNAL_RETRY_SYNC)
	void retrySync();

	/**
	 * The booking was changed in PostgreSQL (rescheduled, edited, cancelled): push the
	 * new state.
	 */
	@SignalMethod(name = BookingTemporal.SIGNAL_BOOKING_CHANGED)
	void bookingChanged();

	/**
	 * The customer opened the verification link of a hold, which PostgreSQL now holds as
	 * confirmed: the workflow loads the booking again and, seeing it confirmed, pushes it
	 * like a new booking. If this signal is lost, the reconciler's {@link #syncBehind}
	 * does the same (the confirmation bumped the revision).
	 */
	@SignalMethod(name = BookingTemporal.SIGNAL_VERIFIED)
	void verified();

	/**
	 * The reconciler found the booking's synced revisions behind {@code revision}. Acts
	 * like {@link #bookingChanged} only when the workflow has not loaded that revision
	 * yet, so a pass already retrying it keeps its retry budget.
	 */
	@SignalMethod(name = BookingTemporal.SIGNAL_SYNC_BEHIND)
	void syncBehind(long revision);

	/**
	 * The booking's {@code calendarDrift} was set or cleared in PostgreSQL: the workflow
	 * loads the booking again to show it, and pushes nothing for it.
	 */
	@SignalMethod(name = BookingTemporal.SIGNAL_CALENDAR_DRIFT)
	void calendarDriftChanged();

	/**
	 * An operator reset one of the booking's webhook deliveries in PostgreSQL: the
	 * workflow sends the booking's webhooks again (and only those).
	 */
	@SignalMethod(name = BookingTemporal.SIGNAL_REDELIVER_WEBHOOKS)
	void redeliverWebhooks();

	@QueryMethod(name = BookingTemporal.QUERY_SYNC_STATUS)
	SyncStatus syncStatus();

}
