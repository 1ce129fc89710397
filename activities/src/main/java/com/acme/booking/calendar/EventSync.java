package com.acme.booking.calendar;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.acme.booking.core.Booking;
import com.acme.booking.core.CalendarConflict;
import com.acme.booking.sync.StaleAttempt;
import com.google.api.services.calendar.model.Event;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the booking's one event match the booking: insert, patch or delete. Every step is
 * safe to repeat, because the event id is ours ({@link EventIds}): a retry after a lost
 * response meets its own earlier write.
 * <p>
 * A write of a stale attempt (one Temporal no longer waits for, still running after a
 * newer run synced a later change) never lands after the newer run's write: Google fences
 * both kinds. An insert succeeds only while the id is free, and every newer write leaves
 * it taken; a patch carries the etag read before the booking was checked.
 */
class EventSync {

	private static final String CANCELLED = "cancelled";

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
			Event found = read(eventId);
			if (found != null) {
				patch(booking, eventId, desired, found);
				log.debug("Patched event {} of booking {}", eventId, booking.id());
				return eventId;
			}
			// Purged from Google: make it again under the same id.
			log.info("Event {} of booking {} is gone from Google; inserting it again", eventId, booking.id());
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
			// An earlier attempt made it and its answer was lost, or a newer run wrote
			// it (ids of deleted events stay taken).
			Event found = read(eventId);
			if (found == null) {
				throw ApplicationFailure.newBuilder()
					.setMessage("Google refused event " + eventId + " as a duplicate but does not return it; "
							+ "trying again")
					.setType("CalendarEventUnreadable")
					.setNonRetryable(false)
					.build();
			}
			patch(booking, eventId, desired, found);
			log.info("Event {} of booking {} already existed; patched it to the current state", eventId, booking.id());
		}
		return eventId;
	}

	/** The event as Google holds it; null when it has none under this id. */
	private Event read(String eventId) throws Exception {
		try {
			return calendar.get(eventId);
		}
		catch (Exception ex) {
			if (CalendarFailures.is(ex, 404) || CalendarFailures.is(ex, 410)) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * Read, check, conditional write: the booking is checked after the event was read,
	 * and the patch carries the etag read. A newer run writes only after the change that
	 * makes this attempt stale was committed; if its write came before the read, the
	 * check sees that change, and if it came after, the etag no longer matches and Google
	 * refuses the patch (412). Either way a stale patch never lands after a newer write.
	 * The status is sent only to bring back an event someone deleted by hand while the
	 * booking stands; any other patch leaves it alone.
	 */
	private void patch(Booking booking, String eventId, Event desired, Event found) throws Exception {
		if (found.getEtag() == null) {
			// Without it the patch would be unconditional, and no longer fenced.
			throw new IllegalStateException("Google returned event " + eventId + " without an etag");
		}
		requireUnchanged(booking);
		Event patch = desired.clone();
		if (!CANCELLED.equals(found.getStatus())) {
			patch.setStatus(null);
		}
		calendar.patch(eventId, patch, found.getEtag());
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
	 * already ran, so the attempt gives up if the booking moved on; the next attempt, if
	 * any, works from the current state. The check alone leaves a gap (the change can be
	 * committed and synced between it and the write); Google's fences close it.
	 */
	private void requireUnchanged(Booking loaded) {
		StaleAttempt.requireUnchanged(loaded, current.apply(loaded.id()));
	}

	/**
	 * A cancelled booking stays cancelled, so its deleted event keeps the id for good and
	 * nothing ever needs to insert it again; 410 (already deleted) means the work is
	 * done. 404 (never made) is not done yet: an attempt that loaded the booking before
	 * the cancel may still be on its way to insert the event. So the id is taken, by a
	 * placeholder deleted at once, and that late insert is refused with 409; had it
	 * landed first, the delete removes it.
	 */
	private String delete(Booking booking, String eventId) throws Exception {
		requireUnchanged(booking);
		try {
			calendar.delete(eventId);
			log.info("Deleted event {} of cancelled booking {}", eventId, booking.id());
			return eventId;
		}
		catch (Exception ex) {
			if (CalendarFailures.is(ex, 410)) {
				return booking.calendarEventId();
			}
			if (!CalendarFailures.is(ex, 404)) {
				throw ex;
			}
		}
		boolean landed = false;
		try {
			calendar.insert(events.placeholder(booking).setId(eventId));
		}
		catch (Exception ex) {
			if (!CalendarFailures.is(ex, 409, "duplicate")) {
				throw ex;
			}
			landed = true;
		}
		try {
			calendar.delete(eventId);
		}
		catch (Exception ex) {
			if (!CalendarFailures.is(ex, 410)) {
				throw ex;
			}
		}
		log.info("Cancelled booking {} had no event; its id {} is taken and deleted{}", booking.id(), eventId,
				landed ? " (a late attempt had made it meanwhile)" : "");
		return landed ? eventId : booking.calendarEventId();
	}

}
