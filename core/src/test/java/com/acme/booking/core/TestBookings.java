package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.acme.booking.workflow.Integration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared fixture of the repository tests: one calendar day, a 15-minute buffer and a
 * generous frequency limit.
 */
final class TestBookings {

	static final Instant NOW = Instant.parse("2030-03-04T08:00:00Z");

	static final Instant TEN = Instant.parse("2030-03-06T10:00:00Z");

	static final Duration BUFFER = Duration.ofMinutes(15);

	static final FrequencyLimit NO_LIMIT = new FrequencyLimit(1000, Duration.ofDays(7));

	private TestBookings() {
	}

	static NewBooking booking(String email, Instant start, Duration length) {
		return new NewBooking("Ann Example", email, "Example Ltd", "+44 20 7946 0000", "About pricing", start,
				start.plus(length), "Europe/London");
	}

	static Booking insert(BookingRepository bookings, String email, Instant start) {
		return bookings.insert(UUID.randomUUID(), booking(email, start, Duration.ofMinutes(30)), BUFFER, NO_LIMIT, NOW,
				ChangeSource.CUSTOMER);
	}

	/**
	 * Runs {@code n} calls on threads of their own, released together, and returns how
	 * many answered true.
	 */
	static int race(int n, IntFunction<Callable<Boolean>> call) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(n);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Callable<Boolean> racer = call.apply(i);
				results.add(threads.submit(() -> {
					go.await();
					return racer.call();
				}));
			}
			go.countDown();
			int yes = 0;
			for (Future<Boolean> result : results) {
				yes += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			return yes;
		}
		finally {
			threads.shutdownNow();
		}
	}

	static long count(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM booking").query(Long.class).single();
	}

	/**
	 * Some integration still has to push the booking's revision, or waits for an
	 * operator.
	 */
	static boolean syncUnfinished(Booking booking) {
		for (Integration integration : Integration.values()) {
			IntegrationSync sync = booking.sync(integration);
			if (sync.syncedRevision() < booking.revision() || sync.manual()) {
				return true;
			}
		}
		return false;
	}

	static void deleteAll(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM booking_message").update();
		jdbc.sql("DELETE FROM booking").update();
	}

}
