package com.acme.booking.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.CalendarConflict;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clash the calendar sync recorded (see CalendarSyncEndToEndTest in the activities
 * module for the sync itself) reaches the client and the operator:
 * {@code calendarConflict} in the resource, {@code conflict=true} in the list, the
 * {@code booking_calendar_conflicts_open} gauge.
 */
@RunningService
class CalendarConflictApiTest {

	@LocalServerPort
	int port;

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRecordedClashShowsInTheResourceAndTheAdminListFiltersByIt() {
		Http http = new Http(port);
		String email = "clash-" + UUID.randomUUID() + "@example.com";
		Http.Response clashing = http.post("/api/bookings", body(email, Slots.fresh()));
		Http.Response clear = http.post("/api/bookings", body(email, Slots.fresh()));
		assertThat(clashing.status()).as(clashing.body()).isEqualTo(201);
		assertThat(clear.json().has("calendarConflict")).isTrue();
		assertThat(clear.json().path("calendarConflict").isNull()).isTrue();
		UUID id = UUID.fromString(clashing.json().path("id").asString());
		Instant start = Instant.parse(clashing.json().path("startTime").asString());
		CalendarConflict busy = new CalendarConflict(start.minus(Duration.ofMinutes(30)),
				start.plus(Duration.ofMinutes(15)));
		assertThat(bookings.recordCalendarConflict(id, 1, busy)).isTrue();

		Http.Response read = http.get("/api/bookings/" + id, "X-Booking-Token",
				clashing.json().path("manageToken").asString());
		assertThat(read.json().path("calendarConflict").path("start").asString()).isEqualTo(busy.start().toString());
		assertThat(read.json().path("calendarConflict").path("end").asString()).isEqualTo(busy.end().toString());

		Http.Response all = http.get("/api/admin/bookings?email=" + email, "X-Api-Key", "test-admin-key");
		Http.Response conflicts = http.get("/api/admin/bookings?conflict=true&email=" + email, "X-Api-Key",
				"test-admin-key");
		assertThat(ids(all)).hasSize(2);
		assertThat(ids(conflicts)).containsExactly(id.toString());
		assertThat(http.get("/actuator/prometheus").body()).as("the gauge the BookingCalendarConflict alert reads")
			.containsPattern("booking_calendar_conflicts_open(\\{[^}]*})? [1-9]");
	}

	@Test
	void theGaugeCountsAClashUntilTheAppointmentIsOverOnTheServicesClock() {
		Http http = new Http(port);
		Http.Response created = http.post("/api/bookings",
				body("clash-" + UUID.randomUUID() + "@example.com", Slots.fresh()));
		UUID id = UUID.fromString(created.json().path("id").asString());
		Instant start = Instant.parse(created.json().path("startTime").asString());
		Instant end = Instant.parse(created.json().path("endTime").asString());
		assertThat(bookings.recordCalendarConflict(id, 1, new CalendarConflict(start, end))).isTrue();

		assertThat(openConflicts(end.minusSeconds(60)) - openConflicts(end.plusSeconds(60)))
			.as("the clash counts until its end, whatever the database's own time")
			.isEqualTo(1);
	}

	/** The gauge, read with the service's clock at {@code now}. */
	private double openConflicts(Instant now) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		new CalendarBacklogs(jdbc, Clock.fixed(now, ZoneOffset.UTC)).bindTo(meters);
		return meters.get("booking.calendar.conflicts.open").gauge().value();
	}

	private static Map<String, Object> body(String email, Instant start) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Ada Lovelace");
		body.put("email", email);
		body.put("startTime", start.toString());
		return body;
	}

	private static List<String> ids(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("bookings").valueStream().map(b -> b.path("id").asString()).toList();
	}

}
