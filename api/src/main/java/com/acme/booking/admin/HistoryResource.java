package com.acme.booking.admin;

import java.time.Instant;

import com.acme.booking.core.BookingHistory;
import com.acme.booking.core.ChangeSource;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One change of a booking as the history endpoint shows it.
 *
 * @param what the fields the change set, each {@code {"from", "to"}}, as JSON
 */
record HistoryResource(Instant at, ChangeSource source, @JsonRawValue String what) {

	static HistoryResource of(BookingHistory.Entry entry) {
		return new HistoryResource(entry.at(), entry.source(), entry.what());
	}

}
