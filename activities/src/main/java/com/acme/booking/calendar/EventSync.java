package com.acme.booking.calendar;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.acme.booking.core.Booking;
import com.acme.booking.core.CalendarConflict;
import com.acme.booking.sync.StaleAttempt;
import com.google.api.services.calendar.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the booking's one event match the booking: insert, patch or delete. Every step is
 * safe to repeat, because the event id is ours ({@link EventIds}): a retry after a lost
 * response meets its own earlier write.
 */
class EventSync {

	private static final Logger log = LoggerFactory.getLogger(EventSync.class);

	private final GoogleCalendar calendar;

	private final BookingEvents events;

	private final OwnCalendarEvents ownEvents;

	private final Function<UUID, Optional<Booking>> current;

	/**
	 * @param current re-reads a booking (BookingRepository::findById), to see whether it
	 * changed mid-attempt
	 */
	EventSync(GoogleCalendar calendar, BookingEvents events, OwnCalendarEvents ownEvents,
			Function<UUID, Optional<Booking>> current) {
		this.calendar = calendar;
		this.events = events;
		this.ownEvents = ownEvents;
		this.current = current;
	}

	/**
	 * Converges the event and says what was found on the way.
	 * @throws Exception Google's error, for {@link CalendarFailures} to classify
	 */
	Outcome converge(Booking booking) throws Exception {
		String eventId = EventIds.forBooking(booking.id());
		if (booking.isCancelled()) {
			return new Outcome(delete(booking, eventId), null);
		}
		CalendarConflict clash = clash(booking, eventId);
		return new Outcome(write(booking, eventId), clash);
	}

	/**
	 * The booking-time check may not have seen the calendar (Google unreachable, nothing
	 * cached), so the sync looks again before it writes. A clash does not stop the write:
	 * the booking stands in PostgreSQL, and the event in the owner's calendar is what
	 * lets someone see and settle the double booking.
	 */
	private CalendarConflict clash(Booking booking, String eventId) throws Exception {
		return ownEvents.busy(booking.startTime(), booking.endTime(), eventId).stream().findFirst().map(period -> {
			log.warn("Booking {} overlaps a busy time of the business calendar, {} to {}", booking.id(), period.start(),
					period.end());
			return new CalendarConflict(period.start(), period.end());
		}).orElse(null);
	}

	private String write(Booking booking, String eventId) throws Exception {
		Event desired = events.toEvent(booking);
		if (booking.calendarEventId() != null) {
			try {
				requireUnchanged(booking);
				calendar.patch(eventId, desired);
				log.debug("Patched event {} of booking {}", eventId, booking.id());
				return eventId;
			}
			catch (Exception ex) {
				if (!CalendarFailures.is(ex, 404)) {
					throw ex;
				}
				// Purged from Google: make it again under the same id.
				log.info("Event {} of booking {} is gone from Google; inserting it again", eventId, booking.id());
			}
		}
		try {
			requireUnchanged(booking);
			calendar.insert(desired.clone().setId(eventId));
			log.info("Inserted event {} for booking {}", eventId, booking.id());
		}
		catch (Exception ex) {
			if (!CalendarFailures.is(ex, 409, "duplicate")) {
				throw ex;
			}
			// An earlier attempt made it and its answer was lost (or it was deleted,
			// which keeps the id taken).
			requireUnchanged(booking);
			calendar.patch(eventId, desired);
			log.info("Event {} of booking {} already existed; patched it to the current state", eventId, booking.id());
		}
		return eventId;
	}

	/**
	 * What a converge did.
	 *
	 * @param eventId the event id to record, or null for a cancelled booking that never
	 * had an event
	 * @param clash the busy period of the owner's own calendar the booking overlaps, or
	 * null
	 */
	record Outcome(String eventId, CalendarConflict clash) {
	}

	/**
	 * Before every write: an attempt can run late (a slow token fetch, a timed-out
	 * attempt Temporal does not stop) while a later one, or the cancellation's delete,
	 * already ran. Writing then would revive a deleted event with stale data
	 * ({@code status: confirmed}), so the attempt gives up if the booking moved on; the
	 * next attempt, if any, works from the current state.
	 */
	private void requireUnchanged(Booking loaded) {
		StaleAttempt.requireUnchanged(loaded, current.apply(loaded.id()));
	}

	/**
	 * A cancelled booking stays cancelled, so its deleted event keeps the id for good and
	 * nothing ever needs to insert it again. 404 (never made) and 410 (already deleted)
	 * mean the work is done.
	 */
	private String delete(Booking booking, String eventId) throws Exception {
		try {
			requireUnchanged(booking);
			calendar.delete(eventId);
			log.info("Deleted event {} of cancelled booking {}", eventId, booking.id());
			return eventId;
		}
		catch (Exception ex) {
			if (CalendarFailures.is(ex, 404) || CalendarFailures.is(ex, 410)) {
				return booking.calendarEventId();
			}
			throw ex;
		}
	}

}
