package com.acme.booking.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;

import static org.mockito.BDDMockito.given;

/** Bookings as PostgreSQL holds them, served by the mocked repository of a web slice. */
final class StoredBookings {

	private StoredBookings() {
	}

	/**
	 * A booking stored at {@code start} and changed {@code revision - 1} times since,
	 * found by its id from now on.
	 */
	static Booking store(BookingRepository bookings, UUID id, BookingStatus status, Instant start, long revision) {
		Instant created = start.minus(Duration.ofDays(7));
		Booking booking = new Booking(id, status, "Ada Lovelace", "ada@example.com", "Analytical Engines",
				"+44 20 7946 0000", "Demo please\nwith two lines", start, start.plusSeconds(1800), "Europe/London",
				revision, null, created, created, Map.of());
		given(bookings.findById(id)).willReturn(Optional.of(booking));
		return booking;
	}

}
