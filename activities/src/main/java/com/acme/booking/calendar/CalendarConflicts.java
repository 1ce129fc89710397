package com.acme.booking.calendar;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.CalendarConflict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the clash the calendar sync found on the booking (so the resource, the admin list
 * and operators see it) and counts each new one in
 * {@code booking.calendar.conflicts.found}; the open ones are a gauge of the API.
 */
@Component
class CalendarConflicts {

	static final String METRIC = "booking.calendar.conflicts.found";

	private final BookingRepository bookings;

	private final Counter found;

	CalendarConflicts(BookingRepository bookings, ObjectProvider<MeterRegistry> registry) {
		this.bookings = bookings;
		this.found = Counter.builder(METRIC)
			.description("Bookings found by the calendar sync to overlap a busy time of the business's own calendar")
			.register(registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	/**
	 * Records the clash (or its absence) for the booking's revision; counts it if it is
	 * new.
	 */
	void record(Booking booking, CalendarConflict clash) {
		boolean changed = bookings.recordCalendarConflict(booking.id(), booking.revision(), clash);
		if (changed && clash != null) {
			found.increment();
		}
	}

}
