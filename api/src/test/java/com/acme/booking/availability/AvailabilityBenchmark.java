package com.acme.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times a 30-day availability listing in-process: warm (slot lists cached), warm plus
 * JSON rendering, and cold (every cache dropped first, bookings and busy times served
 * from memory, so no I/O is counted). Not a test: run
 * {@code scripts/bench-availability.sh}. Arguments: iterations (default 20000), then
 * warm-up iterations (5000).
 */
public final class AvailabilityBenchmark {

	private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

	private static final LocalDate FROM = LocalDate.of(2026, 12, 1);

	private static final LocalDate TO = FROM.plusDays(29);

	private AvailabilityBenchmark() {
	}

	public static void main(String[] args) {
		int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
		SlotRules rules = TestRules.defaults()
			.hours("MONDAY", "09:00-12:00,13:00-17:00")
			.hours("TUESDAY", "09:00-12:00,13:00-17:00")
			.hours("WEDNESDAY", "09:00-12:00,13:00-17:00")
			.hours("THURSDAY", "09:00-12:00,13:00-17:00")
			.hours("FRIDAY", "09:00-17:00")
			.step(Duration.ofMinutes(15))
			.rules();
		FakeCalendar calendar = new FakeCalendar();
		for (int day = 0; day < 30; day += 2) {
			Instant start = Instant.parse("2026-12-01T14:20:00Z").plus(Duration.ofDays(day));
			calendar.busy(start.toString(), start.plus(Duration.ofMinutes(50)).toString());
		}
		SlotEngine engine = new SlotEngine(rules, Clock.fixed(NOW, ZoneOffset.UTC));
		CalendarBusyCache busy = new CalendarBusyCache(calendar, rules, event -> {
		}, Duration.ofSeconds(2));
		SlotCatalog catalog = new SlotCatalog(engine, rules, new InMemoryBookings(bookings()), busy);
		JsonMapper json = JsonMapper.builder().build();
		AvailabilityQuery query = new AvailabilityQuery(FROM, TO, Duration.ofMinutes(30));
		Supplier<AvailableSlots> listing = () -> AvailableSlots.of(query, rules,
				catalog.offered(FROM, TO, query.duration()));

		int slots = listing.get().slots().size();
		System.out.printf(Locale.ROOT, "30-day listing %s..%s, %d slots, %d bookings, %d busy periods%n", FROM, TO,
				slots, bookings().size(), 15);
		System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s %10s%n", "case (microseconds)", "mean", "p50", "p99",
				"max");
		report("warm cache", time(warmup, iterations, listing::get));
		report("warm cache + JSON", time(warmup, iterations, () -> json.writeValueAsBytes(listing.get())));
		report("cold (caches dropped)", time(warmup / 10, iterations / 10, () -> {
			catalog.bookingsChanged();
			busy.bookingsChanged();
			return listing.get();
		}));
		busy.destroy();
	}

	private static long[] time(int warmup, int iterations, Supplier<?> work) {
		Object sink = null;
		for (int i = 0; i < warmup; i++) {
			sink = work.get();
		}
		long[] nanos = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			long start = System.nanoTime();
			sink = work.get();
			nanos[i] = System.nanoTime() - start;
		}
		if (sink == null) {
			throw new IllegalStateException("nothing computed");
		}
		return nanos;
	}

	private static void report(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		System.out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f %10.1f%n", name, mean / 1000.0,
				sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
				sorted[sorted.length - 1] / 1000.0);
	}

	private static List<Booking> bookings() {
		List<Booking> bookings = new ArrayList<>();
		for (int day = 0; day < 30; day++) {
			Instant start = Instant.parse("2026-12-01T10:00:00Z").plus(Duration.ofDays(day));
			bookings.add(booking(start, start.plus(Duration.ofMinutes(30))));
			bookings.add(booking(start.plus(Duration.ofHours(5)), start.plus(Duration.ofHours(6))));
		}
		return bookings;
	}

	private static Booking booking(Instant start, Instant end) {
		return new Booking(UUID.randomUUID(), BookingStatus.CONFIRMED, "Ada", "ada@example.com", null, null, null,
				start, end, "Europe/London", 1, null, NOW, NOW, Map.of());
	}

	/**
	 * The repository's availability query over a list, so the cold case counts
	 * computation, not a database.
	 */
	private static final class InMemoryBookings extends BookingRepository {

		private final List<Booking> bookings;

		InMemoryBookings(List<Booking> bookings) {
			super(null);
			this.bookings = bookings;
		}

		@Override
		public List<Booking> confirmedBetween(Instant from, Instant to) {
			return bookings.stream().filter(b -> b.startTime().isBefore(to) && b.endTime().isAfter(from)).toList();
		}

	}

}
