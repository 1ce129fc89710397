package com.acme.booking.booking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Races decided by PostgreSQL: parallel requests, released together. */
@RunningService
class BookingConcurrencyTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http http;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		pool = Executors.newFixedThreadPool(20);
	}

	@AfterEach
	void tearDown() {
		pool.shutdownNow();
	}

	@Test
	void twentyParallelRequestsForOneSlotGiveExactlyOneBooking() throws Exception {
		Instant start = Slots.fresh();

		List<Integer> statuses = race(20, i -> BookingApiTest.booking(BookingApiTest.email(), start));

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
		assertThat(confirmedAt(start)).isEqualTo(1);
	}

	@Test
	void adjacentBookingsCloserThanTheBufferNeverBothWin() throws Exception {
		Instant first = Slots.fresh();
		Instant adjacent = first.plusSeconds(30 * 60);

		List<Integer> statuses = race(10,
				i -> BookingApiTest.booking(BookingApiTest.email(), i % 2 == 0 ? first : adjacent));

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(confirmedAt(first) + confirmedAt(adjacent)).isEqualTo(1);
	}

	@Test
	void frequencyLimitHoldsForParallelRequestsFromOneAddress() throws Exception {
		String email = BookingApiTest.email();
		List<Instant> starts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			starts.add(Slots.fresh());
		}

		List<Integer> statuses = race(8,
				i -> BookingApiTest.booking(i % 2 == 0 ? email : email.toUpperCase(), starts.get(i)));

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
		assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
		assertThat(jdbc.sql("SELECT count(*) FROM booking WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	/** Sends {@code n} create requests at once and returns their status codes. */
	private List<Integer> race(int n, IntFunction<Map<String, Object>> body) throws Exception {
		CountDownLatch ready = new CountDownLatch(n);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Map<String, Object> request = body.apply(i);
			Callable<Integer> call = () -> {
				ready.countDown();
				go.await();
				return http.post("/api/bookings", request).status();
			};
			results.add(pool.submit(call));
		}
		ready.await();
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get());
		}
		return statuses;
	}

	private long confirmedAt(Instant start) {
		return jdbc.sql("SELECT count(*) FROM booking WHERE start_time = ? AND status = 'CONFIRMED'")
			.param(start.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

}
