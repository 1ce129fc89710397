package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.api.services.calendar.model.Event;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * A copy of the owner's busy events in the business calendar, kept in step in the
 * background by Google's incremental sync every
 * {@code booking.calendar.mirror.poll-interval}, so that a booking check never waits for
 * Google. It covers from two days ago to beyond the booking horizon
 * ({@code booking.rules.max-advance}); a full sync moves that window on about daily
 * (which also prunes what the incremental sync brought in beyond it, and is the safety
 * net should an incremental answer ever miss a change, e.g. to a recurring series), and
 * whenever Google no longer accepts the sync token (410 GONE).
 * <p>
 * Freshness: an event the owner adds in Google is read by the next poll, so the booking
 * check respects it at most one poll interval plus one call after it was saved; a booking
 * taken in that window is caught by the calendar sync's clash check
 * ({@code calendarConflict}). A mirror whose last successful sync is older than
 * {@code max-staleness} is not read at all ({@link #besidesBookings} is empty and readers
 * ask free/busy).
 * <p>
 * The bookings' events each sync lists (changed or deleted ones incrementally, all of the
 * window in full) go to {@link BookingEventsSeen}: how the owner's moves and deletes of
 * them reach the bookings ({@link OwnerChanges}).
 */
public class CalendarMirror implements BusyMirror, SmartLifecycle, MeterBinder {

	/**
	 * How far back the window reaches: an event that began yesterday can still block
	 * today's first slots, and today (in the business zone, buffer included) stays
	 * covered until the next full sync, however late in the day the last one ran.
	 */
	static final Duration PAST = Duration.ofDays(2);

	/**
	 * Read beyond the horizon by this much, so the full sync that moves the window on
	 * runs about daily.
	 */
	static final Duration MARGIN = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(CalendarMirror.class);

	private final MirrorSync sync;

	private final CalendarMirrorProperties settings;

	private final Duration horizon;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final BookingEventsSeen bookingEvents;

	private final Object syncing = new Object();

	private volatile MirrorState state = MirrorState.NONE;

	private volatile ScheduledExecutorService poller;

	private boolean failing;

	/**
	 * @param horizon how far ahead of now the mirror must reach: the booking horizon and
	 * a day's window beyond
	 */
	CalendarMirror(MirrorSync sync, CalendarMirrorProperties settings, Duration horizon, Clock clock,
			ApplicationEventPublisher events) {
		this(sync, settings, horizon, clock, events, (seen, window) -> {
		});
	}

	/**
	 * @param horizon how far ahead of now the mirror must reach: the booking horizon and
	 * a day's window beyond
	 * @param bookingEvents told of the bookings' events each sync lists
	 */
	CalendarMirror(MirrorSync sync, CalendarMirrorProperties settings, Duration horizon, Clock clock,
			ApplicationEventPublisher events, BookingEventsSeen bookingEvents) {
		this.sync = sync;
		this.settings = settings;
		this.horizon = horizon;
		this.clock = clock;
		this.events = events;
		this.bookingEvents = bookingEvents;
	}

	@Override
	public Optional<List<BusyPeriod>> besidesBookings(Instant from, Instant to) {
		MirrorState current = state;
		if (!fresh(current) || !current.covers(from, to)) {
			return Optional.empty();
		}
		List<BusyPeriod> hits = current.events()
			.values()
			.stream()
			.filter(period -> period.start().isBefore(to) && period.end().isAfter(from))
			.toList();
		return Optional.of(BusyWindows.merge(hits, Instant.MIN, Instant.MAX));
	}

	private boolean fresh(MirrorState current) {
		return current.syncedAt() != null
				&& Duration.between(current.syncedAt(), clock.instant()).compareTo(settings.maxStaleness()) <= 0;
	}

	/**
	 * Brings the mirror in step with Google now: the changes since the last sync, or
	 * everything in the window when there is no sync token yet, the window must move on,
	 * or Google refused the token (410 GONE). Announces the busy periods that changed
	 * ({@link CalendarBusyChanged}).
	 * @throws CalendarUnavailable when Google cannot be read; the mirror stays as it was
	 */
	public void syncNow() {
		synchronized (syncing) {
			MirrorState before = state;
			Instant now = clock.instant();
			MirrorState after;
			List<Event> seen = new ArrayList<>();
			boolean full = before.syncToken() == null || now.plus(horizon).isAfter(before.to());
			try {
				after = full ? full(now, seen) : sync.changes(before, now, seen);
				if (after == null) {
					log.info("Google no longer accepts the calendar mirror's sync token (410 GONE); syncing in full");
					seen.clear();
					full = true;
					after = full(now, seen);
				}
			}
			catch (Exception ex) {
				throw new CalendarUnavailable(
						"The calendar mirror could not be synced: " + CalendarFailures.describe(ex), ex);
			}
			state = after;
			announce(before, after);
			seen(seen, full ? after : null);
		}
	}

	private void seen(List<Event> seen, MirrorState window) {
		try {
			bookingEvents.seen(seen, window);
		}
		catch (RuntimeException ex) {
			// The busy times are in step; the owner's changes are looked at again by the
			// next full sync at the latest.
			log.warn("The owner's changes of bookings' events could not all be handled: {}", ex.toString());
		}
	}

	private MirrorState full(Instant now, List<Event> seen) throws Exception {
		return sync.full(now.minus(PAST), now.plus(horizon).plus(MARGIN), now, seen);
	}

	/** Where the bookings' events a sync lists go. */
	@FunctionalInterface
	interface BookingEventsSeen {

		/**
		 * @param events the bookings' events listed: changed or deleted since the last
		 * sync, or every one of the window
		 * @param fullWindow the state of a full sync (its window {@code from}-{@code to}
		 * was listed whole), or null for an incremental one
		 */
		void seen(List<Event> events, MirrorState fullWindow);

	}

	private void announce(MirrorState before, MirrorState after) {
		Set<BusyPeriod> changed = new HashSet<>(before.events().values());
		changed.addAll(after.events().values());
		Set<BusyPeriod> kept = new HashSet<>(before.events().values());
		kept.retainAll(after.events().values());
		changed.removeAll(kept);
		if (!changed.isEmpty()) {
			events.publishEvent(new CalendarBusyChanged(List.copyOf(changed)));
		}
	}

	private void poll() {
		try {
			syncNow();
			if (failing) {
				log.info("The calendar mirror is in step with Google again");
			}
			failing = false;
		}
		catch (RuntimeException ex) {
			// One warning per outage: the poll repeats every few seconds.
			if (!failing) {
				log.warn("{}; booking checks ask free/busy once the mirror is older than {}", ex.getMessage(),
						settings.maxStaleness());
			}
			failing = true;
		}
	}

	/**
	 * {@code booking_calendar_mirror_age_seconds}: time since the last successful sync
	 * (NaN before the first).
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("booking.calendar.mirror.age", this, mirror -> {
			Instant syncedAt = mirror.state.syncedAt();
			return syncedAt == null ? Double.NaN : Duration.between(syncedAt, clock.instant()).toMillis() / 1000.0;
		}).baseUnit("seconds").description("Time since the calendar mirror last synced with Google").register(registry);
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "calendar-mirror");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		poller = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = poller;
		poller = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return poller != null;
	}

}
