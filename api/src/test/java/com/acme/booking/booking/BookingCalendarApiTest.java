package com.acme.booking.booking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.ics.BookingIcs;
import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/bookings/{id}/calendar.ics} over HTTP: the emails' UID and SEQUENCE,
 * the token's protection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BookingCalendarApiTest {

	private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	JsonNode book(Instant start) {
		Http.Response created = http.post("/api/bookings", BookingApiTest.booking(BookingApiTest.email(), start));
		assertThat(created.status()).isEqualTo(201);
		return created.json();
	}

	Http.Response calendar(JsonNode booking, String... headers) {
		return http.get("/api/bookings/" + booking.path("id").asString() + "/calendar.ics", headers);
	}

	static String token(JsonNode booking) {
		return booking.path("manageToken").asString();
	}

	@Test
	void theManageTokenDownloadsTheBookingWithTheEmailsUid() {
		Instant start = Slots.fresh();
		JsonNode booking = book(start);

		Http.Response file = calendar(booking, "X-Booking-Token", token(booking), "Accept", "text/calendar");

		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("text/calendar");
		assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"booking.ics\"");
		assertThat(file.header("Cache-Control")).contains("no-store");
		String uid = BookingIcs.uid(UUID.fromString(booking.path("id").asString()));
		assertThat(file.body()).startsWith("BEGIN:VCALENDAR")
			.contains("METHOD:PUBLISH", "UID:" + uid + "\r\n", "SEQUENCE:0\r\n", "DTSTART:" + ICS_UTC.format(start),
					"DTEND:" + ICS_UTC.format(start.plusSeconds(1800)), "STATUS:CONFIRMED");
	}

	@Test
	void aMovedBookingKeepsItsUidWithTheNextSequenceAndACancelledOneSaysSo() {
		JsonNode booking = book(Slots.fresh());
		Instant moved = Slots.fresh();
		assertThat(http
			.patch("/api/bookings/" + booking.path("id").asString(), Map.of("startTime", moved.toString()),
					"X-Booking-Token", token(booking))
			.status()).isEqualTo(200);

		String afterMove = calendar(booking, "X-Booking-Token", token(booking)).body();
		assertThat(afterMove).contains("UID:" + booking.path("id").asString(), "SEQUENCE:1\r\n",
				"DTSTART:" + ICS_UTC.format(moved));

		http.delete("/api/bookings/" + booking.path("id").asString(), "X-Booking-Token", token(booking));
		assertThat(calendar(booking, "X-Api-Key", BookingApiTest.ADMIN).body()).contains("METHOD:CANCEL",
				"STATUS:CANCELLED", "SEQUENCE:2\r\n");
	}

	@Test
	void aWrongTokenIsNotFoundAsForAnyBooking() {
		JsonNode booking = book(Slots.fresh());

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
