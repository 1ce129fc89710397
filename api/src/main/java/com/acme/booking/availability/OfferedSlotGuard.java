package com.acme.booking.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;

import org.springframework.stereotype.Component;

/**
 * Lets a booking take only a slot the listing would offer now: on the grid and in the
 * booking window (else {@link SlotNotOffered}), and clear of other bookings and of the
 * calendar as it is now, buffer included (else {@link SlotUnavailable}). The database's
 * exclusion constraint still decides races between two requests.
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
		if (calendarBusy(start, ignoreBookingId, own).stream().anyMatch(widened::overlaps)) {
			throw new SlotUnavailable("The slot overlaps a busy time in the business calendar ("
					+ rules.buffer().toMinutes() + " minutes are kept free around each)");
		}
	}

	/**
	 * A new booking is checked against free/busy. A rescheduled one is checked against
	 * the owner's own events only, read by id: free/busy has no ids and merges the
	 * booking's own event with its neighbours, so it could block the booking by itself.
	 * Bookings' events need no check here; the bookings themselves were checked above.
	 */
	private List<Interval> calendarBusy(Instant start, UUID rescheduled, Interval own) {
		if (rescheduled == null) {
			return busy.fresh(engine.dateOf(start));
		}
		return busy.freshBesidesBookings(engine.dateOf(start), period -> !period.equals(own));
	}

	private static Interval interval(Booking booking) {
		return new Interval(booking.startTime(), booking.endTime());
	}

}
