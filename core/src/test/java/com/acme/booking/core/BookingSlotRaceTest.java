package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.acme.booking.DatabaseSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.acme.booking.core.TestBookings.TEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Requests racing for one slot: the exclusion constraint lets one win, and the others are
 * refused as {@link SlotTaken}, never with a deadlock. Two inserts of overlapping rows
 * that both reach the constraint's check wait for each other's row; the inserts of a day
 * queue on that day's lock first.
 */
@DatabaseSlice
class BookingSlotRaceTest {

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void anInsertOverlappingAnUncommittedOneWaitsForItsDayThenMeetsItsRow() throws Exception {
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				TestBookings.insert(bookings, "first@example.com", TEN);
				inserted.countDown();
				awaitQuietly(commit);
			}));
			assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> second = threads
				.submit(() -> TestBookings.insert(bookings, "second@example.com", TEN.plus(Duration.ofMinutes(20))));

			// Queued on the day's lock: not inside the constraint's check, where two
			// inserts could wait for each other.
			await().atMost(Duration.ofSeconds(30)).until(() -> waiting("advisory") == 1);
			assertThat(waiting("transactionid")).isZero();

			commit.countDown();
			first.get(30, TimeUnit.SECONDS);
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> second.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(SlotTaken.class);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void twentyRequestsForOneSlotGiveOneBookingAndNineteenRefusalsRoundAfterRound() throws Exception {
		for (int round = 0; round < 5; round++) {
			Instant start = TEN.plus(Duration.ofHours(round));
			String racer = "racer-" + round + "-";
			int won = TestBookings.race(20, i -> () -> {
				try {
					TestBookings.insert(bookings, racer + i + "@example.com", start);
					return true;
				}
				catch (SlotTaken ex) {
					return false;
				}
			});
			assertThat(won).as("round %d", round).isEqualTo(1);
		}
		assertThat(TestBookings.count(jdbc)).isEqualTo(5);
	}

	/** Lock requests of {@code type} not granted, by sessions of this database. */
	private long waiting(String type) {
		return jdbc.sql("""
				SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = ? AND NOT l.granted AND a.datname = current_database()""")
			.param(type)
			.query(Long.class)
			.single();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
