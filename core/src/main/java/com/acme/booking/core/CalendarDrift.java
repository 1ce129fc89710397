package com.acme.booking.core;

import java.time.Instant;

/**
 * What the business's owner did in Google to a booking's event, kept for an operator with
 * {@code booking.calendar.owner-changes=flag}: moved it to {@code start}-{@code end}, or
 * deleted it.
 *
 * @param start the event's new start; null when it was deleted
 * @param end the event's new end; null when it was deleted
 * @param deleted whether the owner deleted the event
 */
public record CalendarDrift(Instant start, Instant end, boolean deleted) {

	public static final CalendarDrift DELETED = new CalendarDrift(null, null, true);

	public static CalendarDrift moved(Instant start, Instant end) {
		return new CalendarDrift(start, end, false);
	}

}
