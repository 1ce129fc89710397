package com.acme.booking.calendar;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;

/**
 * Google's incremental sync of one calendar
 * (developers.google.com/workspace/calendar/api/guides/sync): a full {@code events.list}
 * over a window, paged, whose last page carries {@code nextSyncToken}; then
 * {@code events.list} with that token, paged, for what changed since (deleted events come
 * back as {@code cancelled}). Only the owner's busy events are kept, as
 * {@link OwnCalendarEvents} counts them: bookings' events, cancelled and transparent ones
 * are not. Bookings' events, changed or deleted, are handed to the caller
 * ({@link OwnerChanges#concerns}), which tells the owner's changes from the service's
 * own.
 */
final class MirrorSync {

	private final GoogleCalendar calendar;

	private final OwnCalendarEvents ownEvents;

	MirrorSync(GoogleCalendar calendar, OwnCalendarEvents ownEvents) {
		this.calendar = calendar;
		this.ownEvents = ownEvents;
	}

	/**
	 * The owner's busy events in {@code [from, to)}, read from scratch; the bookings'
	 * events listed are added to {@code bookingEvents}.
	 */
	MirrorState full(Instant from, Instant to, Instant startedAt, Collection<Event> bookingEvents) throws Exception {
		Map<String, BusyPeriod> events = new HashMap<>();
		String pageToken = null;
		Events page;
		do {
			page = calendar.list(from, to, pageToken);
			apply(page, events, bookingEvents);
			pageToken = page.getNextPageToken();
		}
		while (pageToken != null);
		return new MirrorState(Map.copyOf(events), page.getNextSyncToken(), from, to, startedAt);
	}

	/**
	 * {@code state} with the changes since its sync token applied; null when Google no
	 * longer accepts the token (410 GONE: the caller syncs in full). A failure on any
	 * page leaves {@code state} as it was. The bookings' events changed or deleted are
	 * added to {@code bookingEvents}.
	 */
	MirrorState changes(MirrorState state, Instant startedAt, Collection<Event> bookingEvents) throws Exception {
		Map<String, BusyPeriod> events = new HashMap<>(state.events());
		String pageToken = null;
		Events page;
		do {
			try {
				page = calendar.changes(state.syncToken(), pageToken);
			}
			catch (Exception ex) {
				if (CalendarFailures.is(ex, 410)) {
					return null;
				}
				throw ex;
			}
			apply(page, events, bookingEvents);
			pageToken = page.getNextPageToken();
		}
		while (pageToken != null);
		return new MirrorState(Map.copyOf(events), page.getNextSyncToken(), state.from(), state.to(), startedAt);
	}

	/**
	 * An event that no longer counts (deleted, made free, or a booking's) leaves the
	 * mirror by its id.
	 */
	private void apply(Events page, Map<String, BusyPeriod> events, Collection<Event> bookingEvents) {
		if (page.getItems() == null) {
			return;
		}
		for (Event event : page.getItems()) {
			if (event.getId() == null) {
				continue;
			}
			if (OwnerChanges.concerns(event)) {
				bookingEvents.add(event);
			}
			if (OwnCalendarEvents.counts(event, null)) {
				events.put(event.getId(), ownEvents.period(event));
			}
			else {
				events.remove(event.getId());
			}
		}
	}

}
