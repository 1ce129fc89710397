package com.acme.booking.availability;

import java.time.Instant;
import java.util.UUID;

/**
 * Decides whether a booking may take {@code [start, end)}; called on create and on a
 * rescheduling change.
 */
public interface SlotGuard {

	/**
	 * @param ignoreBookingId the booking being rescheduled (its own interval and calendar
	 * event do not block it), or null on create
	 * @throws SlotNotOffered outside hours, past, inside minimum notice, beyond max
	 * advance, off the grid, or a duration out of range
	 * @throws SlotUnavailable overlapping another booking or a calendar busy period
	 * (buffer included)
	 */
	void check(Instant start, Instant end, UUID ignoreBookingId);

}
