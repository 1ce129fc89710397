package com.acme.booking.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The owner's busy times as last synced from the business calendar, when that sync is
 * recent enough to trust.
 */
public interface BusyMirror {

	/** No mirror: always "not known", so every reader asks the calendar itself. */
	BusyMirror OFF = (from, to) -> Optional.empty();

	/**
	 * The owner's busy periods intersecting {@code [from, to)} (bookings' events left
	 * out, as in {@link BusyTimes#besidesBookings}), merged and sorted, not clipped;
	 * empty when the mirror has never synced, its last successful sync is older than
	 * {@code booking.calendar.mirror.max-staleness}, or it does not cover the range.
	 */
	Optional<List<BusyPeriod>> besidesBookings(Instant from, Instant to);

}
