package com.acme.booking.booking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.support.Http;
import com.acme.booking.token.ManageTokens;
import com.acme.booking.web.MockHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/bookings/{id}/calendar.ics} over HTTP: the emails' UID and SEQUENCE,
 * the token's protection. The booking is given as PostgreSQL holds it after its changes
 * (each bumps the revision: BookingRepositoryTest; a move and a cancel end to end:
 * BookingMessagesApiTest).
 */
@BookingWebSlice
class BookingCalendarApiTest {

	private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	@Autowired
	MockMvc mvc;

	@Autowired
	BookingRepository bookings;

	@Autowired
	ManageTokens tokens;

	MockHttp http;

	@BeforeEach
	void setUp() {
		http = new MockHttp(mvc);
	}

	Booking stored(UUID id, BookingStatus status, Instant start, long revision) {
		return StoredBookings.store(bookings, id, status, start, revision);
	}

	Http.Response calendar(Booking booking, String... headers) {
		return http.get("/api/bookings/" + booking.id() + "/calendar.ics", headers);
	}

	String token(Booking booking) {
		return tokens.tokenFor(booking.id(), booking.manageLinkVersion());
	}

	@Test
	void theManageTokenDownloadsTheBookingWithTheEmailsUid() {
		Instant start = Instant.parse("2030-06-03T09:00:00Z");
		Booking booking = stored(UUID.randomUUID(), BookingStatus.CONFIRMED, start, 1);

		Http.Response file = calendar(booking, "X-Booking-Token", token(booking), "Accept", "text/calendar");

		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("text/calendar");
		assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"booking.ics\"");
		assertThat(file.header("Cache-Control")).contains("no-store");
		String uid = BookingIcs.uid(booking.id());
		assertThat(file.body()).startsWith("BEGIN:VCALENDAR")
			.contains("METHOD:PUBLISH", "UID:" + uid + "\r\n", "SEQUENCE:0\r\n", "DTSTART:" + ICS_UTC.format(start),
					"DTEND:" + ICS_UTC.format(start.plusSeconds(1800)), "STATUS:CONFIRMED");
	}

	@Test
	void aMovedBookingKeepsItsUidWithTheNextSequenceAndACancelledOneSaysSo() {
		UUID id = UUID.randomUUID();
		Instant moved = Instant.parse("2030-06-05T13:00:00Z");
		Booking booking = stored(id, BookingStatus.CONFIRMED, moved, 2);

		String afterMove = calendar(booking, "X-Booking-Token", token(booking)).body();
		assertThat(afterMove).contains("UID:" + id, "SEQUENCE:1\r\n", "DTSTART:" + ICS_UTC.format(moved));

		stored(id, BookingStatus.CANCELLED, moved, 3);
		assertThat(calendar(booking, "X-Api-Key", BookingApiTest.ADMIN).body()).contains("METHOD:CANCEL",
				"STATUS:CANCELLED", "SEQUENCE:2\r\n");
	}

	@Test
	void aWrongTokenIsNotFoundAsForAnyBooking() {
		Booking booking = stored(UUID.randomUUID(), BookingStatus.CONFIRMED, Instant.parse("2030-06-03T09:00:00Z"), 1);

		for (Http.Response refused : new Http.Response[] { calendar(booking),
				calendar(booking, "X-Booking-Token", "x".repeat(43), "Accept",
						"text/calendar, application/problem+json"),
				http.get("/api/bookings/" + UUID.randomUUID() + "/calendar.ics", "X-Booking-Token", token(booking)) }) {
			assertThat(refused.status()).isEqualTo(404);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.body()).doesNotContain("VCALENDAR", "Ada");
		}
	}

}
