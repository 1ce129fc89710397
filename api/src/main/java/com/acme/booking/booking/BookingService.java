package com.acme.booking.booking;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import com.acme.booking.availability.BookingsChanged;
import com.acme.booking.availability.SlotGuard;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingChange;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.security.Callers;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.web.InvalidRequest;
import com.acme.booking.web.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The booking lifecycle: checks the slot rules, commits to PostgreSQL in one transaction
 * (which has the last word on overlaps and the frequency limit), then hands the workflow
 * start or change signal to the {@link WorkflowDispatcher} and answers. Nothing waits for
 * Temporal, Google or HubSpot here (beyond the slot guard's free/busy check).
 */
@Service
class BookingService {

	private final BookingRepository bookings;

	private final SlotGuard slots;

	private final BookingRulesProperties rules;

	private final WorkflowDispatcher workflows;

	private final ManageLinks links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BookingMetrics metrics;

	BookingService(BookingRepository bookings, SlotGuard slots, BookingRulesProperties rules,
			WorkflowDispatcher workflows, ManageLinks links, ApplicationEventPublisher events, Clock clock,
			BookingMetrics metrics) {
		this.bookings = bookings;
		this.slots = slots;
		this.rules = rules;
		this.workflows = workflows;
		this.links = links;
		this.events = events;
		this.clock = clock;
		this.metrics = metrics;
	}

	BookingResource create(CreateBookingRequest request) {
		Duration duration = duration(request.durationMinutes());
		String timeZone = timeZone(request.timeZone());
		Instant start = request.startTime().toInstant();
		Instant end = start.plus(duration);
		slots.check(start, end, null);
		UUID id = UUID.randomUUID();
		NewBooking booking = new NewBooking(request.name().strip(), request.email().strip(),
				Text.blankToNull(request.company()), Text.blankToNull(request.phone()),
				Text.blankToNull(request.inquiry()), start, end, timeZone);
		Booking saved = rules.verifyEmail()
				? bookings.hold(id, booking, rules.buffer(), frequencyLimit(), clock.instant(),
						rules.verificationWindow(), Callers.current())
				: bookings.insert(id, booking, rules.buffer(), frequencyLimit(), clock.instant(), Callers.current());
		metrics.created();
		events.publishEvent(new BookingsChanged(id.toString()));
		workflows.started(id);
		return BookingResource.withManageLink(saved, links.tokenFor(saved), links.manageUrl(saved));
	}

	/**
	 * Confirms a hold whose customer opened the verification link in time, then tells its
	 * workflow, which pushes it like a new booking. Confirming a confirmed booking again
	 * changes nothing.
	 * @throws BookingNotFound for a malformed id, a wrong code, a booking that is no
	 * hold, and a hold that expired or was withdrawn (as for a wrong token)
	 */
	Booking verify(String id, String code) {
		UUID bookingId = BookingNotFound.parseId(id);
		if (!links.verifies(bookingId, code)) {
			throw new BookingNotFound();
		}
		Optional<Booking> confirmed = bookings.verify(bookingId, clock.instant());
		if (confirmed.isPresent()) {
			workflows.verified(bookingId);
			return confirmed.get();
		}
		Booking current = get(bookingId);
		if (!current.emailVerified()) {
			throw new BookingNotFound();
		}
		return current;
	}

	Booking get(UUID id) {
		return bookings.findById(id).orElseThrow(BookingNotFound::new);
	}

	/**
	 * A detail edit is one UPDATE (it checks itself that the booking is not cancelled); a
	 * move reads the booking first, for its current time and so that a cancelled booking
	 * is refused before any slot rule.
	 */
	Booking update(UUID id, UpdateBookingRequest request) {
		if (request.empty()) {
			throw new InvalidRequest("body",
					"name at least one of startTime, durationMinutes, name, company, phone, inquiry");
		}
		Instant start = null;
		Instant end = null;
		if (request.reschedules()) {
			Booking current = get(id).requireChangeable();
			start = request.startTime() != null ? request.startTime().toInstant() : current.startTime();
			Duration duration = request.durationMinutes() != null ? duration(request.durationMinutes())
					: Duration.between(current.startTime(), current.endTime());
			end = start.plus(duration);
			slots.check(start, end, id);
		}
		BookingChange change = new BookingChange(start, end, strip(request.name()), clearable(request.company()),
				clearable(request.phone()), clearable(request.inquiry()));
		Booking updated = bookings.update(id, change, rules.buffer(), clock.instant(), Callers.current())
			.orElseThrow(BookingNotFound::new);
		if (request.reschedules()) {
			metrics.rescheduled();
			// Only a move changes which slots are free; a detail edit leaves the slot
			// caches alone.
			events.publishEvent(new BookingsChanged(id.toString()));
		}
		workflows.changed(id);
		return updated;
	}

	/**
	 * One UPDATE; only a booking that was cancelled already (or none) costs a second
	 * read.
	 */
	Booking cancel(UUID id) {
		Optional<Booking> cancelled = bookings.cancel(id, clock.instant(), Callers.current());
		if (cancelled.isEmpty()) {
			return get(id);
		}
		metrics.cancelled();
		events.publishEvent(new BookingsChanged(id.toString()));
		workflows.changed(id);
		return cancelled.get();
	}

	private Duration duration(Integer minutes) {
		Duration duration = minutes == null ? rules.defaultDuration() : Duration.ofMinutes(minutes);
		if (duration.compareTo(rules.minDuration()) < 0 || duration.compareTo(rules.maxDuration()) > 0) {
			throw new InvalidRequest("durationMinutes", "must be between " + rules.minDuration().toMinutes() + " and "
					+ rules.maxDuration().toMinutes() + " minutes");
		}
		return duration;
	}

	private String timeZone(String requested) {
		if (requested == null || requested.isBlank()) {
			return rules.timeZone().getId();
		}
		try {
			ZoneId zone = ZoneId.of(requested.strip());
			if (zone instanceof ZoneOffset || !ZoneId.getAvailableZoneIds().contains(zone.getId())) {
				throw new DateTimeException("not a region");
			}
			return zone.getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidRequest("timeZone", "must be an IANA time zone such as Europe/London");
		}
	}

	private FrequencyLimit frequencyLimit() {
		return new FrequencyLimit(rules.frequency().maxBookings(), rules.frequency().window());
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

	/**
	 * For a change: null keeps the field, a blank value clears it (stored as "" here, as
	 * null by the repository).
	 */
	private static String clearable(String value) {
		return value == null ? null : value.strip();
	}

}
