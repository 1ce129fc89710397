package com.acme.booking.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import com.acme.booking.core.Booking;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;

/** How a booking looks as an event in the business calendar. */
final class BookingEvents {

	static final String BOOKING_ID_PROPERTY = "bookingId";

	/**
	 * What the service wrote, kept in the event's private properties (which an owner's
	 * edit in Google keeps): the booking's revision and its time. An event whose time is
	 * not the one written was moved by someone else.
	 */
	static final String REVISION_PROPERTY = "bookingRevision";

	static final String START_PROPERTY = "bookingStart";

	static final String END_PROPERTY = "bookingEnd";

	private final ZoneId businessZone;

	private final boolean inviteAttendees;

	BookingEvents(ZoneId businessZone, boolean inviteAttendees) {
		this.businessZone = businessZone;
		this.inviteAttendees = inviteAttendees;
	}

	/**
	 * The full desired state, as inserted. A patch sends it without the status unless it
	 * brings back an event someone deleted by hand ({@link EventSync}).
	 */
	Event toEvent(Booking booking) {
		Event event = new Event().setSummary(summary(booking))
			.setDescription(description(booking))
			.setStart(at(booking.startTime()))
			.setEnd(at(booking.endTime()))
			.setStatus("confirmed")
			.setExtendedProperties(new Event.ExtendedProperties().setPrivate(written(booking)));
		if (inviteAttendees) {
			event.setAttendees(List.of(new EventAttendee().setEmail(booking.email()).setDisplayName(booking.name())));
		}
		return event;
	}

	/**
	 * What takes the id of a cancelled booking that never got its event, deleted right
	 * after: shown as free, with no attendees (nobody is notified), and marked as a
	 * booking's so the busy-time checks skip it for the moment it exists.
	 */
	Event placeholder(Booking booking) {
		return new Event().setSummary("Cancelled booking")
			.setStart(at(booking.startTime()))
			.setEnd(at(booking.endTime()))
			.setTransparency("transparent")
			.setExtendedProperties(new Event.ExtendedProperties().setPrivate(privateProperties(booking)));
	}

	/**
	 * Mutable on purpose: the Google client clones events, and immutable maps cannot be
	 * cloned.
	 */
	private static Map<String, String> privateProperties(Booking booking) {
		Map<String, String> properties = new HashMap<>();
		properties.put(BOOKING_ID_PROPERTY, booking.id().toString());
		return properties;
	}

	private static Map<String, String> written(Booking booking) {
		Map<String, String> properties = privateProperties(booking);
		properties.put(REVISION_PROPERTY, Long.toString(booking.revision()));
		properties.put(START_PROPERTY, booking.startTime().toString());
		properties.put(END_PROPERTY, booking.endTime().toString());
		return properties;
	}

	/**
	 * What the service last wrote to {@code event}: empty when it carries no record (a
	 * deleted event listed by id only, or one written before records were kept).
	 */
	static Optional<Written> written(Event event) {
		Map<String, String> properties = event.getExtendedProperties() == null ? null
				: event.getExtendedProperties().getPrivate();
		if (properties == null || properties.get(REVISION_PROPERTY) == null || properties.get(START_PROPERTY) == null
				|| properties.get(END_PROPERTY) == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Written(Long.parseLong(properties.get(REVISION_PROPERTY)),
					Instant.parse(properties.get(START_PROPERTY)), Instant.parse(properties.get(END_PROPERTY))));
		}
		catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	/** The booking's revision and time the service wrote to its event. */
	record Written(long revision, Instant start, Instant end) {
	}

	static String summary(Booking booking) {
		return "Booking: " + booking.name() + (present(booking.company()) ? " (" + booking.company() + ")" : "");
	}

	static String description(Booking booking) {
		StringBuilder text = new StringBuilder();
		text.append("Name: ").append(booking.name()).append('\n');
		text.append("Email: ").append(booking.email()).append('\n');
		text.append("Phone: ").append(orDash(booking.phone())).append('\n');
		text.append("Company: ").append(orDash(booking.company())).append('\n');
		text.append("Customer time zone: ").append(orDash(booking.timeZone())).append('\n');
		text.append('\n').append("Inquiry:").append('\n').append(orDash(booking.inquiry())).append('\n');
		text.append('\n').append("Booking id: ").append(booking.id());
		return text.toString();
	}

	/**
	 * The instant with the business zone's offset on that date, and the zone itself so
	 * Google shows local time.
	 */
	private EventDateTime at(Instant instant) {
		TimeZone zone = TimeZone.getTimeZone(businessZone);
		return new EventDateTime().setDateTime(new DateTime(Date.from(instant), zone))
			.setTimeZone(businessZone.getId());
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String orDash(String value) {
		return present(value) ? value : "-";
	}

}
