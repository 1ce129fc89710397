package com.acme.booking.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

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
 * The offered slots, fast: each business date's slots free of bookings and busy periods are cached for five minutes
 * per duration, and only the rules around now are applied per request. A booking change drops the whole cache; a
 * changed calendar answer drops its date.
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

	/** {@code cache_gets_total{cache="availability.slots", result="hit"}}: how much of the listing load it takes. */
	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, free, "availability.slots");
	}

	/** Slots of {@code duration} offered now on the business dates {@code [from, to]}, sorted by start. */
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

	private Map<Key, List<Interval>> load(List<Key> missing, Duration duration) {
		long before = generation.get();
		List<LocalDate> days = missing.stream().map(Key::day).toList();
		Interval span = new Interval(rules.window(days.get(0)).start(), rules.window(days.get(days.size() - 1)).end());
		CalendarBusyCache.Known calendar = busy.cached(days);
		List<Interval> blocks = Stream
			.concat(bookings.confirmedBetween(span.start(), span.end())
				.stream()
				.map(b -> new Interval(b.startTime(), b.endTime())), calendar.all().stream())
			.toList();
		Map<Key, List<Interval>> loaded = new HashMap<>();
		for (LocalDate day : days) {
			loaded.put(new Key(day, duration), engine.free(engine.grid(day, duration), blocks));
		}
		if (!calendar.current()) {
			// Built on what the calendar last said: good enough to answer, not to keep.
			return loaded;
		}
		free.putAll(loaded);
		if (generation.get() != before) {
			free.invalidateAll(loaded.keySet());
		}
		return loaded;
	}

	/** After the change commits (at once when published outside a transaction), so a reload sees it. */
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
