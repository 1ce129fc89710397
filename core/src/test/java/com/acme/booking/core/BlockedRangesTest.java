package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.booking.DatabaseSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.NO_LIMIT;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A changed buffer reaches the bookings already stored: both directions, and pairs a
 * larger one puts too close.
 */
@DatabaseSlice
class BlockedRangesTest {

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Autowired
	BookingRepository bookings;

	@Autowired
	BlockedRanges ranges;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void aSmallerBufferFreesTheTimeTheOldOneKept() {
		insert("a@example.com", TEN, Duration.ofMinutes(30));
		Instant tenForty = TEN.plus(Duration.ofMinutes(40));
		// 10 minutes after the end: refused while the stored range still holds the old
		// 30-minute buffer.
		assertThatExceptionOfType(SlotTaken.class)
			.isThrownBy(() -> insert("b@example.com", tenForty, Duration.ofMinutes(10)));

		assertThat(ranges.recompute(Duration.ofMinutes(10), NOW)).isEqualTo(1);

		assertThatCode(() -> insert("b@example.com", tenForty, Duration.ofMinutes(10))).doesNotThrowAnyException();
		assertThat(ranges.recompute(Duration.ofMinutes(10), NOW)).as("nothing left to do").isZero();
	}

	@Test
	void aLargerBufferWidensWhatItCanAndListsThePairsItPutsTooClose() {
		Booking early = insert("a@example.com", TEN, Duration.ofMinutes(15));
		Booking close = insert("b@example.com", TEN.plus(Duration.ofMinutes(45)), Duration.ofMinutes(15));
		Booking later = insert("c@example.com", TEN.plus(Duration.ofHours(3)), Duration.ofMinutes(15));
		Booking past = insert("d@example.com", NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(15));

		int changed = ranges.recompute(Duration.ofMinutes(30), NOW);

		// early and close cannot widen without overlapping each other: both keep their
		// ranges (the constraint holds);
		// later widens; the past one is left alone.
		assertThat(changed).isEqualTo(1);
		assertThat(blocked(early)).isEqualTo("[\"2030-03-06 09:52:30+00\",\"2030-03-06 10:37:30+00\")");
		assertThat(blocked(later)).isEqualTo("[\"2030-03-06 12:45:00+00\",\"2030-03-06 13:45:00+00\")");
		assertThat(blocked(past)).isEqualTo("[\"2030-03-03 07:52:30+00\",\"2030-03-03 08:37:30+00\")");
		assertThat(ranges.violations(Duration.ofMinutes(30), NOW))
			.containsExactly(new BlockedRanges.TooClose(early.id(), early.startTime(), close.id(), close.startTime()));
		assertThat(ranges.violations(Duration.ofMinutes(15), NOW)).isEmpty();
	}

	@Test
	void theAvailabilityQueryUsesTheGistIndexOnTenThousandRows() {
		jdbc.sql(
				"""
						INSERT INTO booking (id, status, name, email, start_time, end_time, time_zone, blocked, created_at,
						                     updated_at)
						SELECT gen_random_uuid(), CASE WHEN i % 10 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END, 'Load', 'load@example.com',
						       t, t + interval '30 minutes', 'Europe/London',
						       tstzrange(t - interval '7.5 minutes', t + interval '37.5 minutes', '[)'), now(), now()
						FROM generate_series(1, 10000) AS i, LATERAL (SELECT timestamptz '2031-01-01 00:00Z' + i * interval '1 hour') AS s(t)
						""")
			.update();
		jdbc.sql("ANALYZE booking").update();

		List<String> plan = jdbc.sql("EXPLAIN " + BookingRepository.CONFIRMED_BETWEEN)
			.params(BookingRepository.utc(Instant.parse("2031-03-01T00:00:00Z")),
					BookingRepository.utc(Instant.parse("2031-03-31T00:00:00Z")),
					BookingRepository.utc(Instant.parse("2031-03-31T00:00:00Z")),
					BookingRepository.utc(Instant.parse("2031-03-01T00:00:00Z")))
			.query(String.class)
			.list();

		assertThat(String.join("\n", plan)).contains("booking_blocked_idx").doesNotContain("Seq Scan");
		assertThat(
				bookings.confirmedBetween(Instant.parse("2031-03-01T00:00:00Z"), Instant.parse("2031-03-02T00:00:00Z")))
			.hasSize(22);
	}

	private Booking insert(String email, Instant start, Duration buffer) {
		return bookings.insert(UUID.randomUUID(), booking(email, start, HALF_HOUR), buffer, NO_LIMIT, NOW,
				ChangeSource.CUSTOMER);
	}

	private String blocked(Booking booking) {
		return jdbc.sql("SELECT blocked::text FROM booking WHERE id = ?")
			.param(booking.id())
			.query(String.class)
			.single();
	}

}
