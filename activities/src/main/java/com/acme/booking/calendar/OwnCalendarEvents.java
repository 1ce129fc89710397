package com.acme.booking.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;

/**
 * The business's own busy events, read with {@code events.list} rather than free/busy:
 * free/busy has no event ids, so it cannot tell a booking's own event from the owner's,
 * and it merges touching periods. Events this service made (they carry the
 * {@code bookingId} private property, the booking's own event among them) are left out:
 * bookings are kept apart by PostgreSQL's exclusion constraint, buffer included, and an
 * event of a booking moved a moment ago may still sit at its old time. Cancelled events
 * and events shown as "free" (transparent) do not make a time busy.
 */
final class OwnCalendarEvents {

	private final GoogleCalendar calendar;

	private final ZoneId businessZone;

	OwnCalendarEvents(GoogleCalendar calendar, ZoneId businessZone) {
		this.calendar = calendar;
		this.businessZone = businessZone;
	}

	/**
	 * Busy periods of the owner's events intersecting {@code [from, to)}, merged and
	 * sorted; not clipped, so a clash names the whole busy period.
	 * @param ownEventId the booking's own event id, never counted (also when its private
	 * property was edited away)
	 * @throws Exception Google's error, for {@link CalendarFailures} to classify
	 */
	List<BusyPeriod> busy(Instant from, Instant to, String ownEventId) throws Exception {
		List<BusyPeriod> busy = new ArrayList<>();
		String pageToken = null;
		do {
			Events page = calendar.list(from, to, pageToken);
			if (page.getItems() != null) {
				for (Event event : page.getItems()) {
					if (counts(event, ownEventId)) {
						BusyPeriod period = period(event);
						// Google filters by the window already; an all-day event read in
						// our zone may still miss it.
						if (period.start().isBefore(to) && period.end().isAfter(from)) {
							busy.add(period);
						}
					}
				}
			}
			pageToken = page.getNextPageToken();
		}
		while (pageToken != null);
		return BusyWindows.merge(busy, Instant.MIN, Instant.MAX);
	}

	/**
	 * Whether {@code event} makes its time busy for bookings: the owner's, not cancelled,
	 * not shown as free.
	 */
	static boolean counts(Event event, String ownEventId) {
		if (event.getId() != null && event.getId().equals(ownEventId)) {
			return false;
		}
		if ("cancelled".equals(event.getStatus()) || "transparent".equals(event.getTransparency())) {
			return false;
		}
		if (event.getStart() == null || event.getEnd() == null) {
			return false;
		}
		Map<String, String> properties = event.getExtendedProperties() == null ? null
				: event.getExtendedProperties().getPrivate();
		return properties == null || !properties.containsKey(BookingEvents.BOOKING_ID_PROPERTY);
	}

	/**
	 * The time a counting event takes; an all-day event takes its dates in the business
	 * time zone.
	 */
	BusyPeriod period(Event event) {
		return new BusyPeriod(instant(event.getStart()), instant(event.getEnd()));
	}

	/**
	 * A timed event's instant, or the start of an all-day event's date in the business
	 * time zone.
	 */
	private Instant instant(EventDateTime at) {
		DateTime value = at.getDateTime() != null ? at.getDateTime() : at.getDate();
		if (value.isDateOnly()) {
			return LocalDate.parse(value.toStringRfc3339()).atStartOfDay(businessZone).toInstant();
		}
		return Instant.ofEpochMilli(value.getValue());
	}

}
