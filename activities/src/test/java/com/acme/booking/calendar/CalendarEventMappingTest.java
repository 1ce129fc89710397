package com.acme.booking.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event id derived from a booking, and what the event says. */
class CalendarEventMappingTest {

	@Test
	void eventIdsAreLowerCaseBase32HexOfTheBookingsBits() {
		assertThat(EventIds.forBooking(new UUID(0, 0))).isEqualTo("0".repeat(26));
		assertThat(EventIds.forBooking(new UUID(-1, -1))).isEqualTo("v".repeat(25) + "s");
		assertThat(EventIds.forBooking(UUID.fromString("3f0c5b1e-8a2d-4c6f-9b7e-1d2c3b4a5f60")))
			.isEqualTo(EventIds.forBooking(UUID.fromString("3f0c5b1e-8a2d-4c6f-9b7e-1d2c3b4a5f60")));
	}

	@Test
	void eventIdsFitGooglesRulesAndDoNotCollide() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String id = EventIds.forBooking(UUID.randomUUID());
			assertThat(id).matches("[a-v0-9]{5,1024}");
			seen.add(id);
		}
		assertThat(seen).hasSize(2000);
	}

	@Test
	void theEventCarriesTheCustomerAndTheBusinessTimeZone() {
		Booking booking = CalendarEventSyncWireTest.booking(BookingStatus.CONFIRMED, null);

		Event event = new BookingEvents(ZoneId.of("America/New_York"), false).toEvent(booking);

		assertThat(event.getSummary()).isEqualTo("Booking: Ada Lovelace (Analytical Engines)");
		assertThat(event.getDescription()).contains("Ada Lovelace", "ada@example.com", "+44 20 7946 0000",
				"Analytical Engines", "Demo please", booking.id().toString());
		assertThat(event.getStart().getTimeZone()).isEqualTo("America/New_York");
		assertThat(event.getStart().getDateTime().toStringRfc3339()).isEqualTo("2026-07-01T05:00:00.000-04:00");
		assertThat(event.getEnd().getDateTime().getValue())
			.isEqualTo(Instant.parse("2026-07-01T09:30:00Z").toEpochMilli());
		assertThat(event.getExtendedProperties().getPrivate()).containsEntry("bookingId", booking.id().toString());
		assertThat(event.getStatus()).isEqualTo("confirmed");
		assertThat(event.getAttendees()).isNull();
	}

	@Test
	void winterTimesUseTheWinterOffset() {
		Instant start = Instant.parse("2026-12-01T09:00:00Z");
		Booking booking = new Booking(UUID.randomUUID(), BookingStatus.CONFIRMED, "Ada", "ada@example.com", null, null,
				null, start, start.plusSeconds(3600), "Europe/London", 1, null, start, start, Map.of());

		Event event = new BookingEvents(ZoneId.of("Europe/Berlin"), false).toEvent(booking);

		assertThat(event.getStart().getDateTime().toStringRfc3339()).isEqualTo("2026-12-01T10:00:00.000+01:00");
		assertThat(event.getSummary()).isEqualTo("Booking: Ada");
		assertThat(event.getDescription()).contains("Phone: -", "Company: -");
	}

	@Test
	void theCustomerIsInvitedOnlyWhenAsked() {
		Booking booking = CalendarEventSyncWireTest.booking(BookingStatus.CONFIRMED, null);

		Event event = new BookingEvents(ZoneId.of("Europe/London"), true).toEvent(booking);

		assertThat(event.getAttendees()).singleElement()
			.satisfies(attendee -> assertThat(attendee.getEmail()).isEqualTo("ada@example.com"));
	}

}
