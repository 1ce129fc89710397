package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.acme.booking.calendar.BusyMirror;
import com.acme.booking.calendar.BusyPeriod;
import com.acme.booking.calendar.BusyTimes;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The business calendar's busy periods per business date. While the calendar mirror is
 * fresh ({@link BusyMirror}, kept in step by Google's incremental sync) listings and
 * booking checks read it and Google is not asked at all. Without it (disabled, never
 * synced, or older than its bound): listings read free/busy cached for five minutes; the
 * booking check asks the calendar afresh, bounded by a timeout, and falls back to the
 * last known answer when the calendar cannot be reached in time. Either way the calendar
 * sync checks again before it writes the event and records a clash on the booking
 * ({@code calendarConflict}).
 */
@Component
class CalendarBusyCache implements DisposableBean, MeterBinder {

	static final Duration FRESH_TIMEOUT = Duration.ofSeconds(2);

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(CalendarBusyCache.class);

	private final BusyTimes busyTimes;

	private final SlotRules rules;

	private final ApplicationEventPublisher events;

	private final Duration timeout;

	private final BusyMirror mirror;

	private final ExecutorService executor;

	private final Cache<LocalDate, List<Interval>> recent = Caffeine.newBuilder()
		.expireAfterWrite(TIME_TO_LIVE)
		.maximumSize(1_000)
		.recordStats()
		.build();

	/**
	 * What the calendar last said, kept longer than {@link #recent}: only read when the
	 * calendar fails.
	 */
	private final Cache<LocalDate, List<Interval>> lastKnown = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofDays(1))
		.maximumSize(1_000)
		.build();

	private final AtomicLong generation = new AtomicLong();

	/**
	 * {@code cache_gets_total{cache="availability.calendar-busy"}}: listings answered
	 * without asking Google.
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, recent, "availability.calendar-busy");
	}

	@Autowired
	CalendarBusyCache(BusyTimes busyTimes, SlotRules rules, ApplicationEventPublisher events,
			ObjectProvider<BusyMirror> mirror) {
		this(busyTimes, rules, events, FRESH_TIMEOUT, mirror.getIfAvailable(() -> BusyMirror.OFF));
	}

	CalendarBusyCache(BusyTimes busyTimes, SlotRules rules, ApplicationEventPublisher events, Duration timeout) {
		this(busyTimes, rules, events, timeout, BusyMirror.OFF);
	}

	CalendarBusyCache(BusyTimes busyTimes, SlotRules rules, ApplicationEventPublisher events, Duration timeout,
			BusyMirror mirror) {
		this.mirror = mirror;
		this.busyTimes = busyTimes;
		this.rules = rules;
		this.events = events;
		this.timeout = timeout;
		ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(100),
				new CustomizableThreadFactory("calendar-busy-"));
		pool.allowCoreThreadTimeOut(true);
		this.executor = pool;
	}

	/**
	 * Busy periods relevant to each of {@code days}, from the cache where present, else
	 * one calendar call; when the calendar does not answer, the last known periods,
	 * marked as such.
	 */
	Known cached(Collection<LocalDate> days) {
		Optional<Map<LocalDate, List<Interval>>> mirrored = BusyByDay.mirrored(mirror, rules, days);
		if (mirrored.isPresent()) {
			return new Known(mirrored.get(), true);
		}
		Map<LocalDate, List<Interval>> result = new HashMap<>(recent.getAllPresent(days));
		List<LocalDate> missing = days.stream().filter(day -> !result.containsKey(day)).sorted().toList();
		if (missing.isEmpty()) {
			return new Known(result, true);
		}
		long before = generation.get();
		Optional<Map<LocalDate, List<Interval>>> fetched = fetch(missing.get(0), missing.get(missing.size() - 1));
		if (fetched.isEmpty()) {
			missing.forEach(day -> result.put(day, lastKnown(day)));
			return new Known(result, false);
		}
		recent.putAll(fetched.get());
		if (generation.get() != before) {
			recent.invalidateAll(fetched.get().keySet());
		}
		missing.forEach(day -> result.put(day, fetched.get().get(day)));
		return new Known(result, true);
	}

	/**
	 * Busy periods relevant to {@code day} as the calendar has them now; the last known
	 * ones if it does not answer within the timeout. A fresh answer replaces the cached
	 * one.
	 */
	List<Interval> fresh(LocalDate day) {
		Optional<List<Interval>> mirrored = mirrored(day);
		if (mirrored.isPresent()) {
			return mirrored.get();
		}
		Optional<Map<LocalDate, List<Interval>>> fetched = fetch(day, day);
		if (fetched.isEmpty()) {
			return lastKnown(day);
		}
		List<Interval> periods = fetched.get().get(day);
		List<Interval> previous = recent.getIfPresent(day);
		recent.put(day, periods);
		if (previous != null && !previous.equals(periods)) {
			events.publishEvent(new BusyTimesChanged(day));
		}
		return periods;
	}

	/**
	 * Busy periods relevant to {@code day} of the owner's own events only (no booking's
	 * event, so not the one being rescheduled either), as the calendar has them now; what
	 * {@code stale} keeps of the last known periods if the calendar does not answer
	 * within the timeout. Not cached: only rescheduling asks.
	 */
	List<Interval> freshBesidesBookings(LocalDate day, Predicate<Interval> stale) {
		Optional<List<Interval>> mirrored = mirrored(day);
		if (mirrored.isPresent()) {
			return mirrored.get();
		}
		Interval window = rules.window(day);
		return fetch(day, day, busyTimes::besidesBookings, false).map(byDay -> byDay.get(day)).orElseGet(() -> {
			log.warn("Using the last known busy times of {} for a rescheduling check", day);
			return lastKnown(day).stream().filter(stale).filter(window::overlaps).toList();
		});
	}

	private Optional<List<Interval>> mirrored(LocalDate day) {
		return BusyByDay.mirrored(mirror, rules, List.of(day)).map(byDay -> byDay.get(day));
	}

	private List<Interval> lastKnown(LocalDate day) {
		List<Interval> known = lastKnown.getIfPresent(day);
		if (known == null) {
			log.warn("No busy times known for {}; treating the calendar as free until it answers", day);
			return List.of();
		}
		return known;
	}

	private Optional<Map<LocalDate, List<Interval>>> fetch(LocalDate first, LocalDate last) {
		return fetch(first, last, busyTimes::between, true);
	}

	/**
	 * @param remember keep the answer as the last known one (only complete answers,
	 * bookings' events included)
	 */
	private Optional<Map<LocalDate, List<Interval>>> fetch(LocalDate first, LocalDate last,
			BiFunction<Instant, Instant, List<BusyPeriod>> source, boolean remember) {
		if (busyTimes == BusyTimes.NONE) {
			// No calendar: answered on the caller's thread, no hand-over to wait for.
			return Optional.of(answer(first, last, List.of(), remember));
		}
		Instant from = rules.window(first).start();
		Instant to = rules.window(last).end();
		Future<List<BusyPeriod>> call;
		try {
			call = executor.submit(() -> source.apply(from, to));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Too many calendar calls pending; using the last known busy times for {} to {}", first, last);
			return Optional.empty();
		}
		try {
			return Optional.of(answer(first, last, call.get(timeout.toMillis(), TimeUnit.MILLISECONDS), remember));
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			log.warn("The calendar did not answer within {}; using the last known busy times for {} to {}", timeout,
					first, last);
		}
		catch (ExecutionException ex) {
			log.warn("The calendar could not be read ({}); using the last known busy times for {} to {}",
					ex.getCause().toString(), first, last);
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	private Map<LocalDate, List<Interval>> answer(LocalDate first, LocalDate last, List<BusyPeriod> busy,
			boolean remember) {
		Map<LocalDate, List<Interval>> byDay = BusyByDay.split(rules, first.datesUntil(last.plusDays(1)).toList(),
				BusyByDay.intervals(busy));
		if (remember) {
			lastKnown.putAll(byDay);
		}
		return byDay;
	}

	/**
	 * Another instance read a different answer for {@code day}: the cached one is stale.
	 */
	void forget(LocalDate day) {
		generation.incrementAndGet();
		recent.invalidate(day);
	}

	/**
	 * After the change commits (at once when published outside a transaction), so a
	 * reload sees it.
	 */
	@TransactionalEventListener(classes = BookingsChanged.class, fallbackExecution = true)
	void bookingsChanged() {
		generation.incrementAndGet();
		recent.invalidateAll();
	}

	/**
	 * Busy periods per business date.
	 *
	 * @param current false when the calendar did not answer and some dates hold only what
	 * was last known
	 */
	record Known(Map<LocalDate, List<Interval>> byDay, boolean current) {

		List<Interval> all() {
			return byDay.values().stream().flatMap(List::stream).distinct().toList();
		}

	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

}
