package com.acme.booking.calendar;

import java.time.Instant;
import java.util.Map;

/**
 * What the mirror knows after a successful sync.
 *
 * @param events the owner's busy events by Google event id
 * @param syncToken Google's {@code nextSyncToken} for the next incremental sync; null
 * when Google gave none (the next poll syncs in full)
 * @param from start of the window the last full sync read
 * @param to end of that window; events changed later outside it are kept too
 * @param syncedAt when the sync that made this state started, so its age never flatters
 */
record MirrorState(Map<String, BusyPeriod> events, String syncToken, Instant from, Instant to, Instant syncedAt) {

	static final MirrorState NONE = new MirrorState(Map.of(), null, Instant.MAX, Instant.MIN, null);

	boolean covers(Instant start, Instant end) {
		return !start.isBefore(from) && !end.isAfter(to);
	}

}
