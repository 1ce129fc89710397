package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.booking.DatabaseSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.booking;
import static com.acme.booking.core.TestBookings.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The per-email limit: counted and enforced under an advisory lock, so concurrent
 * requests cannot slip past it.
 */
@DatabaseSlice
class BookingFrequencyLimitTest {

	private static final Duration WEEK = Duration.ofDays(7);

	private static final FrequencyLimit THREE_A_WEEK = new FrequencyLimit(3, WEEK);

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void refusesTheBookingAfterTheLimitWhateverTheEmailCase() {
		book("ann@example.com", 0, NOW);
		book("ANN@example.com", 1, NOW);
		book("Ann@Example.COM", 2, NOW);

		assertThatExceptionOfType(FrequencyLimitReached.class).isThrownBy(() -> book("ann@EXAMPLE.com", 3, NOW))
			.withMessageContaining("3");
		assertThat(count(jdbc)).isEqualTo(3);
	}

	@Test
	void countsOnlyBookingsCreatedWithinTheWindow() {
		Instant longAgo = NOW.minus(WEEK);
		book("ann@example.com", 0, longAgo);
		book("ann@example.com", 1, longAgo);
		book("ann@example.com", 2, NOW.minus(WEEK).plusSeconds(1));
		book("ann@example.com", 3, NOW);
		book("ann@example.com", 4, NOW);

		assertThatExceptionOfType(FrequencyLimitReached.class).isThrownBy(() -> book("ann@example.com", 5, NOW));
		assertThat(count(jdbc)).isEqualTo(5);
	}

	@Test
	void cancelledBookingsDoNotCount() {
		Booking first = book("ann@example.com", 0, NOW);
		Booking second = book("ann@example.com", 1, NOW);
		book("ann@example.com", 2, NOW);
		bookings.cancel(first.id(), NOW, ChangeSource.CUSTOMER);
		bookings.cancel(second.id(), NOW, ChangeSource.CUSTOMER);

		book("ann@example.com", 3, NOW);
		book("ann@example.com", 4, NOW);

		assertThatExceptionOfType(FrequencyLimitReached.class).isThrownBy(() -> book("ann@example.com", 5, NOW));
	}

	@Test
	void otherAddressesDoNotCount() {
		book("ann@example.com", 0, NOW);
		book("ann@example.com", 1, NOW);
		book("ann@example.com", 2, NOW);

		book("ann@example.org", 3, NOW);

		assertThat(count(jdbc)).isEqualTo(4);
	}

	@Test
	void concurrentRequestsFromOneAddressStopExactlyAtTheLimit() throws Exception {
		int booked = TestBookings.race(10, slot -> () -> {
			try {
				book(slot % 2 == 0 ? "ann@example.com" : "ANN@example.com", slot, NOW);
				return true;
			}
			catch (FrequencyLimitReached ex) {
				return false;
			}
		});

		assertThat(booked).isEqualTo(3);
		assertThat(count(jdbc)).isEqualTo(3);
	}

	/**
	 * Books the {@code slot}-th hour from ten, far enough apart that only the limit can
	 * refuse it.
	 */
	private Booking book(String email, int slot, Instant now) {
		Instant start = TEN.plus(Duration.ofHours(slot));
		return bookings.insert(UUID.randomUUID(), booking(email, start, Duration.ofMinutes(30)), BUFFER, THREE_A_WEEK,
				now, ChangeSource.CUSTOMER);
	}

}
