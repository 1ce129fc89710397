package com.acme.booking.ics;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.acme.booking.business.BusinessProperties;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.ics.BookingIcs.IcsMethod;
import com.acme.booking.token.PublicUrlProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar file, parsed back with the library as a calendar client would read it. */
class BookingIcsTest {

	private static final UUID ID = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

	private final BookingIcs ics = new BookingIcs(
			new BusinessProperties("Acme Consulting", "hello@acme.example", "+44 20 7946 0000"),
			new PublicUrlProperties(URI.create("https://book.acme.example")), "");

	@Test
	void anAppointmentAcrossTheSpringForwardChangeKeepsItsInstants() {
		// 28 March 2027: London jumps from 01:00 GMT to 02:00 BST. 00:30-02:30 on the
		// wall clock is one real hour.
		Instant start = Instant.parse("2027-03-28T00:30:00Z");
		Instant end = Instant.parse("2027-03-28T01:30:00Z");

		ICalendar calendar = parse(ics.forBooking(booking(BookingStatus.CONFIRMED, 1, start, end), IcsMethod.REQUEST));

		VEvent event = calendar.getEvents().get(0);
		assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
		assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(end);
		assertThat(event.getUid().getValue()).isEqualTo(ID.toString());
		assertThat(event.getSequence().getValue()).isZero();
		assertThat(event.getOrganizer().getEmail()).isEqualTo("hello@acme.example");
		assertThat(event.getOrganizer().getCommonName()).isEqualTo("Acme Consulting");
		assertThat(event.getAttendees()).singleElement().satisfies(attendee -> {
			assertThat(attendee.getEmail()).isEqualTo("ada@example.com");
			assertThat(attendee.getCommonName()).isEqualTo("Ada Lovelace");
		});
	}

	@Test
	void anAppointmentOnTheFallBackDayKeepsItsInstants() {
		// 31 October 2027: London goes back from 02:00 BST to 01:00 GMT, so 01:00-02:00
		// happens twice on the wall clock.
		Instant start = Instant.parse("2027-10-31T01:15:00Z");
		Instant end = Instant.parse("2027-10-31T01:45:00Z");

		VEvent event = parse(ics.forBooking(booking(BookingStatus.CONFIRMED, 1, start, end), IcsMethod.REQUEST))
			.getEvents()
			.get(0);

		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
		assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(end);
	}

	@Test
	void aCancelledBookingIsACancelWithTheSameUidAndTheNextSequence() {
		Instant start = Instant.parse("2027-01-11T10:00:00Z");
		Booking cancelled = booking(BookingStatus.CANCELLED, 3, start, start.plusSeconds(1800));

		ICalendar calendar = parse(ics.forBooking(cancelled, IcsMethod.REQUEST));

		assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo(BookingIcs.uid(ID));
		assertThat(event.getSequence().getValue()).isEqualTo(2);
		assertThat(event.getStatus().isCancelled()).isTrue();
	}

	@Test
	void withoutABusinessEmailTheOrganizerIsTheSender() {
		BookingIcs fallback = new BookingIcs(new BusinessProperties("Acme", null, null),
				new PublicUrlProperties(URI.create("https://book.acme.example")), "bookings@acme.example");
		BookingIcs bare = new BookingIcs(new BusinessProperties("Acme", null, null),
				new PublicUrlProperties(URI.create("https://book.acme.example")), "");
		Instant start = Instant.parse("2027-01-11T10:00:00Z");
		Booking booking = booking(BookingStatus.CONFIRMED, 1, start, start.plusSeconds(1800));

		assertThat(parse(fallback.build(booking, 0, IcsMethod.PUBLISH)).getEvents().get(0).getOrganizer().getEmail())
			.isEqualTo("bookings@acme.example");
		assertThat(parse(bare.build(booking, 0, IcsMethod.PUBLISH)).getEvents().get(0).getOrganizer().getEmail())
			.isEqualTo("no-reply@book.acme.example");
	}

	@Test
	void aNameWithDoubleQuotesStaysReadable() {
		Instant start = Instant.parse("2027-01-11T10:00:00Z");
		Booking booking = new Booking(ID, BookingStatus.CONFIRMED, "Ada \"The Countess\" Lovelace", "ada@example.com",
				null, null, null, start, start.plusSeconds(1800), "Europe/London", 1, null, start, start, Map.of());

		VEvent event = parse(ics.forBooking(booking, IcsMethod.REQUEST)).getEvents().get(0);

		assertThat(event.getAttendees().get(0).getCommonName()).isEqualTo("Ada \"The Countess\" Lovelace");
	}

	private static ICalendar parse(String text) {
		assertThat(text).startsWith("BEGIN:VCALENDAR").contains("\r\n");
		return Biweekly.parse(text).first();
	}

	private static Booking booking(BookingStatus status, long revision, Instant start, Instant end) {
		return new Booking(ID, status, "Ada Lovelace", "ada@example.com", null, null, null, start, end, "Europe/London",
				revision, null, start, start, Map.of());
	}

}
