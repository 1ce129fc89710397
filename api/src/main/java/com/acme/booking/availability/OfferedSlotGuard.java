package com.acme.booking.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;

import org.springframework.stereotype.Component;

/**
 * Lets a booking take only a slot the listing would offer now: on the grid and in the booking window (else
 * {@link SlotNotOffered}), and clear of other bookings and of the calendar as it is now, buffer included (else
 * {@link SlotUnavailable}). The database's exclusion constraint still decides races between two requests.
 */
@Component
class OfferedSlotGuard implements SlotGuard {

	private final SlotEngine engine;

	private final SlotRules rules;

	private final BookingRepository bookings;

	private final CalendarBusyCache busy;

	OfferedSlotGuard(SlotEngine engine, SlotRules rules, BookingRepository bookings, CalendarBusyCache busy) {
		this.engine = engine;
		this.rules = rules;
		this.bookings = bookings;
		this.busy = busy;
	}

	@Override
	public void check(Instant start, Instant end, UUID ignoreBookingId) {
		if (start == null || end == null || !end.isAfter(start)) {
			throw new SlotNotOffered("The slot must end after it starts");
		}
		Interval requested = new Interval(start, end);
		engine.requireOffered(requested);
		Interval widened = requested.widen(rules.buffer());
		List<Booking> near = bookings.confirmedBetween(widened.start(), widened.end());
		Interval own = near.stream()
			.filter(b -> b.id().equals(ignoreBookingId))
			.map(OfferedSlotGuard::interval)
			.findFirst()
			.orElse(null);
		if (near.stream()
			.filter(b -> !b.id().equals(ignoreBookingId))
			.map(OfferedSlotGuard::interval)
			.anyMatch(widened::overlaps)) {
			throw new SlotUnavailable("The slot overlaps another booking (" + rules.buffer().toMinutes()
					+ " minutes are kept free around each)");
		}
		// Free/busy carries no event ids: the booking's own event shows as a period equal to its current interval.
		if (busy.fresh(engine.dateOf(start))
			.stream()
			.filter(period -> !period.equals(own))
			.anyMatch(widened::overlaps)) {
			throw new SlotUnavailable("The slot overlaps a busy time in the business calendar ("
					+ rules.buffer().toMinutes() + " minutes are kept free around each)");
		}
	}

	private static Interval interval(Booking booking) {
		return new Interval(booking.startTime(), booking.endTime());
	}

}
