package com.acme.booking.calendar;

import java.time.Instant;
import java.util.List;

/**
 * The business calendar's busy periods, as Google knows them now (no cache: availability
 * caches).
 */
public interface BusyTimes {

	/**
	 * No calendar (the integration disabled): nothing is busy, and nothing to wait for.
	 */
	BusyTimes NONE = (from, to) -> List.of();

	/**
	 * Busy periods intersecting {@code [from, to)}, merged and sorted; empty when the
	 * integration is disabled.
	 */
	List<BusyPeriod> between(Instant from, Instant to);

	/**
	 * Busy periods intersecting {@code [from, to)} of the owner's own events only: events
	 * of bookings, the booking's own event among them, are left out (PostgreSQL keeps
	 * bookings apart). What rescheduling checks, so a booking is never blocked by its own
	 * event, however the calendar merged it with its neighbours. Without event detail it
	 * is {@link #between}.
	 */
	default List<BusyPeriod> besidesBookings(Instant from, Instant to) {
		return between(from, to);
	}

}
