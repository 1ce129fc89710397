package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.core.CalendarDrift;
import com.acme.booking.workflow.Integration;
import com.google.api.services.calendar.model.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells the owner's moves and deletes of bookings' events in Google from the service's
 * own writes, and acts on them as {@code booking.calendar.owner-changes} says.
 * <p>
 * Every write of the calendar sync records in the event's private properties the
 * booking's revision and time it wrote ({@link BookingEvents#written}); an owner's edit
 * in Google keeps them. So an event whose time is not the one written was moved by the
 * owner, and an event deleted while its booking stands was deleted by the owner (the
 * service deletes only a cancelled booking's event). The service's own writes never look
 * like that: no echo. A change counts only when it was made on the booking as PostgreSQL
 * has it now (the revision written is the booking's): a customer's or operator's change
 * not yet in the calendar wins, and its push puts the event back, because the customer
 * was already told of it and PostgreSQL is the source of truth. Every write is
 * conditional on the revision seen, so a change seen twice (a poll and a full resync, two
 * API instances) acts once. Title and description edits are not looked at; a cancelled
 * booking's event, a past appointment's, and an event that is no booking's change
 * nothing.
 */
class OwnerChanges implements CalendarMirror.BookingEventsSeen {

	private static final Logger log = LoggerFactory.getLogger(OwnerChanges.class);

	private static final String CANCELLED = "cancelled";

	private final GoogleCalendar calendar;

	private final OwnCalendarEvents times;

	private final BookingRepository bookings;

	private final CalendarProperties.OwnerChanges policy;

	private final Duration buffer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	OwnerChanges(GoogleCalendar calendar, OwnCalendarEvents times, BookingRepository bookings,
			CalendarProperties.OwnerChanges policy, Duration buffer, Clock clock, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.calendar = calendar;
		this.times = times;
		this.bookings = bookings;
		this.policy = policy;
		this.buffer = buffer;
		this.clock = clock;
		this.events = events;
		this.meters = meters;
	}

	/**
	 * Whether the mirror hands {@code event} over: one that may be a booking's (its id
	 * has the form of one), marked as a booking's or deleted (a deleted event may be
	 * listed by its id alone).
	 */
	static boolean concerns(Event event) {
		if (EventIds.bookingOf(event.getId()).isEmpty()) {
			return false;
		}
		Map<String, String> properties = event.getExtendedProperties() == null ? null
				: event.getExtendedProperties().getPrivate();
		return CANCELLED.equals(event.getStatus())
				|| (properties != null && properties.containsKey(BookingEvents.BOOKING_ID_PROPERTY));
	}

	@Override
	public void seen(List<Event> seen, MirrorState fullWindow) {
		Set<String> listed = new HashSet<>();
		for (Event event : seen) {
			listed.add(event.getId());
			try {
				handle(event);
			}
			catch (RuntimeException ex) {
				// Looked at again by the next full sync at the latest.
				log.warn("The change of event {} in Google could not be handled: {}", event.getId(), ex.getMessage());
			}
		}
		if (fullWindow != null) {
			missing(fullWindow, listed);
		}
	}

	/**
	 * A full list leaves deleted events out (and events moved out of its window): a
	 * booking whose event it should have shown is read by id.
	 */
	private void missing(MirrorState window, Set<String> listed) {
		for (Booking booking : bookings.withEventsBetween(window.from(), window.to(), clock.instant())) {
			String eventId = EventIds.forBooking(booking.id());
			if (!listed.contains(eventId)) {
				current(eventId).ifPresent(event -> handle(event, booking));
			}
		}
	}

	private void handle(Event event) {
		Optional<UUID> bookingId = EventIds.bookingOf(event.getId());
		if (bookingId.isEmpty()) {
			return;
		}
		bookings.findById(bookingId.get()).ifPresent(booking -> {
			if (CANCELLED.equals(event.getStatus()) && BookingEvents.written(event).isEmpty() && relevant(booking)) {
				// A deleted event may be listed by its id alone: judged by what Google
				// holds now.
				current(event.getId()).ifPresent(current -> handle(current, booking));
			}
			else {
				handle(event, booking);
			}
		});
	}

	private void handle(Event event, Booking booking) {
		if (!relevant(booking)) {
			return;
		}
		Optional<BookingEvents.Written> written = BookingEvents.written(event);
		if (written.isPresent() ? written.get().revision() != booking.revision()
				: !booking.sync(Integration.CALENDAR).synced()) {
			// A change of the booking not yet in the calendar (or a view older than the
			// booking): its push wins.
			return;
		}
		Instant writtenStart = written.map(BookingEvents.Written::start).orElse(booking.startTime());
		Instant writtenEnd = written.map(BookingEvents.Written::end).orElse(booking.endTime());
		CalendarDrift drift = drift(event, writtenStart, writtenEnd);
		if (drift == null) {
			if (booking.calendarDrift() != null
					&& bookings.recordCalendarDrift(booking.id(), booking.revision(), null)) {
				log.info("The owner put the event of booking {} back in Google; its calendar drift is cleared",
						booking.id());
				publish(booking, OwnerChanged.Action.DRIFT_CHANGED);
			}
			return;
		}
		switch (policy) {
			case FOLLOW -> follow(booking, drift);
			case FLAG -> flag(booking, drift);
			case RESTORE -> {
				log.info("The owner {} the event of booking {} in Google; putting it back",
						drift.deleted() ? "deleted" : "moved", booking.id());
				publish(booking, OwnerChanged.Action.RESTORE);
			}
		}
	}

	/** A confirmed booking whose appointment is not over: the owner's changes count. */
	private boolean relevant(Booking booking) {
		return booking.status() == BookingStatus.CONFIRMED && booking.endTime().isAfter(clock.instant());
	}

	/** What the owner did to the event, or null when it is where it was written. */
	private CalendarDrift drift(Event event, Instant writtenStart, Instant writtenEnd) {
		if (CANCELLED.equals(event.getStatus())) {
			return CalendarDrift.DELETED;
		}
		if (event.getStart() == null || event.getEnd() == null) {
			return null;
		}
		BusyPeriod now = times.period(event);
		return now.start().equals(writtenStart) && now.end().equals(writtenEnd) ? null
				: CalendarDrift.moved(now.start(), now.end());
	}

	/**
	 * The booking follows the event's new start, its length kept (a change of the end
	 * alone moves nothing), or is cancelled.
	 */
	private void follow(Booking booking, CalendarDrift drift) {
		Instant now = clock.instant();
		if (drift.deleted()) {
			if (bookings.cancelByOwner(booking.id(), booking.revision(), now).isPresent()) {
				log.info("The owner deleted the event of booking {} in Google; the booking is cancelled", booking.id());
				publish(booking, OwnerChanged.Action.CANCELLED);
			}
			return;
		}
		if (drift.start().equals(booking.startTime())) {
			return;
		}
		Instant end = drift.start().plus(Duration.between(booking.startTime(), booking.endTime()));
		bookings.moveByOwner(booking.id(), booking.revision(), booking.startTime(), drift.start(), end, buffer, now)
			.ifPresent(moved -> {
				log.info("The owner moved the event of booking {} in Google; the booking is rescheduled to {}{}",
						booking.id(), moved.startTime(),
						moved.calendarConflict() != null ? " (overlapping another booking)" : "");
				publish(booking, OwnerChanged.Action.RESCHEDULED);
			});
	}

	private void flag(Booking booking, CalendarDrift drift) {
		if (bookings.recordCalendarDrift(booking.id(), booking.revision(), drift)) {
			log.warn("The owner {} the event of booking {} in Google; the booking is flagged as drifted",
					drift.deleted() ? "deleted" : "moved", booking.id());
			publish(booking, OwnerChanged.Action.DRIFT_CHANGED);
		}
	}

	private void publish(Booking booking, OwnerChanged.Action action) {
		Counter.builder("booking.calendar.owner.changes")
			.description("Owner's moves and deletes of bookings' events in Google the service acted on")
			.tag("action", action.name().toLowerCase(Locale.ROOT))
			.register(meters)
			.increment();
		events.publishEvent(new OwnerChanged(booking.id(), action));
	}

	/** The event as Google holds it now; empty when it has none under this id. */
	private Optional<Event> current(String eventId) {
		try {
			return Optional.of(calendar.get(eventId));
		}
		catch (Exception ex) {
			if (CalendarFailures.is(ex, 404)) {
				return Optional.empty();
			}
			throw new CalendarUnavailable("Event " + eventId + " could not be read: " + CalendarFailures.describe(ex),
					ex);
		}
	}

}
