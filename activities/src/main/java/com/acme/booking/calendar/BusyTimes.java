package com.acme.booking.calendar;

import java.time.Instant;
import java.util.List;

/** The business calendar's busy periods, as Google knows them now (no cache: availability caches). */
public interface BusyTimes {

	/** Busy periods intersecting {@code [from, to)}, merged and sorted; empty when the integration is disabled. */
	List<BusyPeriod> between(Instant from, Instant to);

}
