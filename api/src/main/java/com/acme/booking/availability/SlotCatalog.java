package com.acme.booking.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The offered slots, fast: each business date's slots free of bookings and busy periods
 * are cached for five minutes per duration, and only the rules around now are applied per
 * request. A booking change drops the whole cache; a changed calendar answer drops its
 * date.
 */
@Component
class SlotCatalog implements MeterBinder {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	private final SlotEngine engine;

	private final SlotRules rules;

	private final BookingRepository bookings;

	private final CalendarBusyCache busy;

	private final Cache<Key, List<Interval>> free = Caffeine.newBuilder()
		.expireAfterWrite(TIME_TO_LIVE)
		.maximumSize(10_000)
		.recordStats()
		.build();

	private final AtomicLong generation = new AtomicLong();

	SlotCatalog(SlotEngine engine, SlotRules rules, BookingRepository bookings, CalendarBusyCache busy) {
		this.engine = engine;
		this.rules = rules;
		this.bookings = bookings;
		this.busy = busy;
	}

	/**
	 * {@code cache_gets_total{cache="availability.slots", result="hit"}}: how much of the
	 * listing load it takes.
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, free, "availability.slots");
	}

	/**
	 * Slots of {@code duration} offered now on the business dates {@code [from, to]},
	 * sorted by start.
	 */
	List<Interval> offered(LocalDate from, LocalDate to, Duration duration) {
		List<Key> keys = engine.bookableDays(from, to).stream().map(day -> new Key(day, duration)).toList();
		Map<Key, List<Interval>> cached = free.getAllPresent(keys);
		List<Key> missing = keys.stream().filter(key -> !cached.containsKey(key)).toList();
		Map<Key, List<Interval>> loaded = missing.isEmpty() ? Map.of() : load(missing, duration);
		List<Interval> slots = new ArrayList<>();
		for (Key key : keys) {
			List<Interval> day = cached.get(key);
			slots.addAll(day != null ? day : loaded.get(key));
		}
		return engine.bookableNow(slots);
	}

	/**
	 * As {@link #offered(LocalDate, LocalDate, Duration)}, but as the rescheduling of
	 * {@code own} sees it (the same rules as {@link OfferedSlotGuard}): its own interval,
	 * its neighbours within the buffer and its calendar event are free. The dates
	 * {@code own} can block are computed afresh against the owner's own calendar events
	 * (read by id, so free/busy merging the booking's event with a neighbour cannot block
	 * it); they are never cached.
	 */
	List<Interval> offeredIgnoring(LocalDate from, LocalDate to, Duration duration, Booking own) {
		Interval reach = new Interval(own.startTime().minus(duration), own.endTime()).widen(rules.buffer());
		LocalDate first = engine.dateOf(reach.start());
		LocalDate last = engine.dateOf(reach.end());
		List<Interval> slots = new ArrayList<>();
		List<LocalDate> days = engine.bookableDays(from, to);
		List<LocalDate> near = days.stream().filter(day -> !day.isBefore(first) && !day.isAfter(last)).toList();
		if (near.size() < days.size()) {
			slots.addAll(offered(from, to, duration).stream()
				.filter(slot -> !near.contains(engine.dateOf(slot.start())))
				.toList());
		}
		if (!near.isEmpty()) {
			slots.addAll(compute(near, duration, own).slots().values().stream().flatMap(List::stream).toList());
		}
		return engine.bookableNow(slots.stream().sorted(Comparator.comparing(Interval::start)).toList());
	}

	private Map<Key, List<Interval>> load(List<Key> missing, Duration duration) {
		long before = generation.get();
		Computed computed = compute(missing.stream().map(Key::day).toList(), duration, null);
		if (!computed.current()) {
			// Built on what the calendar last said: good enough to answer, not to keep.
			return computed.slots();
		}
		free.putAll(computed.slots());
		if (generation.get() != before) {
			free.invalidateAll(computed.slots().keySet());
		}
		return computed.slots();
	}

	/**
	 * The free slots of each of {@code days} (sorted). With {@code ignored} (may be
	 * null), that booking does not block and the calendar is the owner's own events only,
	 * as a rescheduling check reads it; such an answer is not current.
	 */
	private Computed compute(List<LocalDate> days, Duration duration, Booking ignored) {
		Interval span = new Interval(rules.window(days.get(0)).start(), rules.window(days.get(days.size() - 1)).end());
		CalendarBusyCache.Known calendar = ignored == null ? busy.cached(days) : null;
		List<Interval> periods = calendar != null ? calendar.all() : ownerEvents(days, ignored);
		List<Interval> blocks = Stream
			.concat(bookings.confirmedBetween(span.start(), span.end())
				.stream()
				.filter(b -> ignored == null || !b.id().equals(ignored.id()))
				.map(b -> new Interval(b.startTime(), b.endTime())), periods.stream())
			.toList();
		Map<Key, List<Interval>> loaded = new LinkedHashMap<>();
		for (LocalDate day : days) {
			loaded.put(new Key(day, duration), engine.free(engine.grid(day, duration), blocks));
		}
		return new Computed(loaded, calendar != null && calendar.current());
	}

	private List<Interval> ownerEvents(List<LocalDate> days, Booking ignored) {
		Interval own = new Interval(ignored.startTime(), ignored.endTime());
		return days.stream()
			.flatMap(day -> busy.freshBesidesBookings(day, period -> !period.equals(own)).stream())
			.distinct()
			.toList();
	}

	private record Computed(Map<Key, List<Interval>> slots, boolean current) {
	}

	/**
	 * After the change commits (at once when published outside a transaction), so a
	 * reload sees it.
	 */
	@TransactionalEventListener(classes = BookingsChanged.class, fallbackExecution = true)
	void bookingsChanged() {
		generation.incrementAndGet();
		free.invalidateAll();
	}

	@EventListener
	void busyTimesChanged(BusyTimesChanged changed) {
		generation.incrementAndGet();
		free.asMap().keySet().removeIf(key -> key.day().equals(changed.day()));
	}

	private record Key(LocalDate day, Duration duration) {
	}

}
