package com.acme.booking.calendar;

import java.util.UUID;

/**
 * The business's owner moved or deleted a booking's event in Google, and the service
 * acted on it ({@code booking.calendar.owner-changes}); published once per action, for
 * the API to tell the booking's workflow and the slot caches.
 *
 * @param bookingId the booking
 * @param action what the service did
 */
public record OwnerChanged(UUID bookingId, Action action) {

	/** What the service did about the owner's change. */
	public enum Action {

		/** The booking was rescheduled to the event's new start (its revision bumped). */
		RESCHEDULED,
		/** The booking was cancelled (its revision bumped). */
		CANCELLED,
		/**
		 * The booking's {@code calendarDrift} was set or cleared; nothing else changed.
		 */
		DRIFT_CHANGED,
		/**
		 * The event must be put back as the booking has it: its calendar is pushed again,
		 * with no revision bump (so no email).
		 */
		RESTORE

	}

}
