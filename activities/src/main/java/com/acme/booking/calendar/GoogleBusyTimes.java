package com.acme.booking.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Error;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;

/**
 * Busy times from Google's free/busy query. Any failure is thrown
 * ({@link CalendarUnavailable}): availability decides what to offer when the calendar
 * cannot be read, and an empty list would wrongly mean "free".
 */
class GoogleBusyTimes implements BusyTimes {

	private final GoogleCalendar calendar;

	private final OwnCalendarEvents ownEvents;

	GoogleBusyTimes(GoogleCalendar calendar, OwnCalendarEvents ownEvents) {
		this.calendar = calendar;
		this.ownEvents = ownEvents;
	}

	@Override
	public List<BusyPeriod> besidesBookings(Instant from, Instant to) {
		try {
			return ownEvents.busy(from, to, null);
		}
		catch (Exception ex) {
			throw new CalendarUnavailable("Events of calendar " + calendar.properties().calendarId()
					+ " could not be read: " + CalendarFailures.describe(ex), ex);
		}
	}

	@Override
	public List<BusyPeriod> between(Instant from, Instant to) {
		List<BusyPeriod> busy = new ArrayList<>();
		for (BusyPeriod window : BusyWindows.split(from, to, BusyWindows.MAX_WINDOW)) {
			busy.addAll(query(window));
		}
		return BusyWindows.merge(busy, from, to);
	}

	private List<BusyPeriod> query(BusyPeriod window) {
		String calendarId = calendar.properties().calendarId();
		FreeBusyRequest request = new FreeBusyRequest().setTimeMin(new DateTime(Date.from(window.start())))
			.setTimeMax(new DateTime(Date.from(window.end())))
			.setTimeZone("UTC")
			.setItems(List.of(new FreeBusyRequestItem().setId(calendarId)));
		FreeBusyResponse response;
		try {
			response = calendar.freeBusy(request);
		}
		catch (Exception ex) {
			throw new CalendarUnavailable(
					"Busy times of calendar " + calendarId + " could not be read: " + CalendarFailures.describe(ex),
					ex);
		}
		FreeBusyCalendar answer = response.getCalendars() == null ? null : response.getCalendars().get(calendarId);
		if (answer == null) {
			throw new CalendarUnavailable("Google's free/busy answer has no entry for calendar " + calendarId, null);
		}
		// Google answers 200 with per-calendar errors (notFound when not shared): no busy
		// list then is no "free".
		if (answer.getErrors() != null && !answer.getErrors().isEmpty()) {
			Error first = answer.getErrors().get(0);
			throw new CalendarUnavailable("Busy times of calendar " + calendarId + " could not be read: "
					+ first.getReason() + " (" + first.getDomain() + ")", null);
		}
		List<BusyPeriod> busy = new ArrayList<>();
		if (answer.getBusy() != null) {
			for (TimePeriod period : answer.getBusy()) {
				busy.add(new BusyPeriod(Instant.ofEpochMilli(period.getStart().getValue()),
						Instant.ofEpochMilli(period.getEnd().getValue())));
			}
		}
		return busy;
	}

}
