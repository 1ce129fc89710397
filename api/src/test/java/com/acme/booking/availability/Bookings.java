package com.acme.booking.availability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Confirmed bookings held in memory, served through a stand-in for the repository's
 * availability query.
 */
final class Bookings {

	private final List<Booking> confirmed = new CopyOnWriteArrayList<>();

	private final BookingRepository repository = mock(BookingRepository.class);

	Bookings() {
		when(repository.confirmedBetween(any(), any())).thenAnswer(call -> {
			Instant from = call.getArgument(0);
			Instant to = call.getArgument(1);
			return confirmed.stream().filter(b -> b.startTime().isBefore(to) && b.endTime().isAfter(from)).toList();
		});
	}

	UUID add(String start, String end) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.parse("2026-11-01T00:00:00Z");
		confirmed.add(new Booking(id, BookingStatus.CONFIRMED, "Ada", "ada@example.com", null, null, null,
				Instant.parse(start), Instant.parse(end), "Europe/London", 1, null, now, now, Map.of()));
		return id;
	}

	Booking get(UUID id) {
		return confirmed.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
	}

	BookingRepository repository() {
		return repository;
	}

}
