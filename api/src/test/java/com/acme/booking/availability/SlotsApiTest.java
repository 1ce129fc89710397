package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.RunningService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/bookings/available-slots} over HTTP; now is Monday 2026-11-30 08:00Z,
 * rules as documented.
 */
@RunningService
@Import(FixedNow.class)
class SlotsApiTest {

	private static final String PATH = "/api/bookings/available-slots";

	@LocalServerPort
	int port;

	@Autowired
	BookingRepository repository;

	@Autowired
	ApplicationEventPublisher events;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void listsSlotsWithTheDocumentedShape() {
		ApiClient.Reply reply = api.get(PATH + "?startDate=2026-12-01&endDate=2026-12-01");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/json");
		JsonNode body = reply.json();
		assertThat(body.path("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(body.path("duration").asInt()).isEqualTo(30);
		assertThat(body.path("businessHours").propertyNames()).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY",
				"THURSDAY", "FRIDAY");
		assertThat(body.path("businessHours").path("MONDAY").toString())
			.isEqualTo("[{\"start\":\"09:00\",\"end\":\"17:00\"}]");
		assertThat(starts(body)).hasSize(16).startsWith("2026-12-01T09:00:00Z").endsWith("2026-12-01T16:30:00Z");
		assertThat(body.path("slots").get(0).toString())
			.isEqualTo("{\"start\":\"2026-12-01T09:00:00Z\",\"end\":\"2026-12-01T09:30:00Z\"}");
	}

	@Test
	void startsAfterTheMinimumNoticeAndHonoursTheDuration() {
		JsonNode body = api.get(PATH + "?startDate=2026-11-30&endDate=2026-11-30&duration=60").json();

		assertThat(body.path("duration").asInt()).isEqualTo(60);
		assertThat(starts(body)).containsExactly("2026-11-30T10:00:00Z", "2026-11-30T10:30:00Z", "2026-11-30T11:00:00Z",
				"2026-11-30T11:30:00Z", "2026-11-30T12:00:00Z", "2026-11-30T12:30:00Z", "2026-11-30T13:00:00Z",
				"2026-11-30T13:30:00Z", "2026-11-30T14:00:00Z", "2026-11-30T14:30:00Z", "2026-11-30T15:00:00Z",
				"2026-11-30T15:30:00Z", "2026-11-30T16:00:00Z");
	}

	@Test
	void aNewBookingLeavesTheListingAsSoonAsItIsAnnounced() {
		assertThat(starts(api.get(PATH + "?startDate=2026-12-02&endDate=2026-12-02").json())).hasSize(16);
		UUID id = UUID.randomUUID();
		repository.insert(id,
				new NewBooking("Ada", "ada-" + id + "@example.com", null, null, null,
						Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T10:30:00Z"), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)),
				Instant.parse("2026-11-30T08:00:00Z"), ChangeSource.CUSTOMER);

		events.publishEvent(new BookingsChanged(id.toString()));

		assertThat(starts(api.get(PATH + "?startDate=2026-12-02&endDate=2026-12-02").json())).hasSize(13)
			.doesNotContain("2026-12-02T09:30:00Z", "2026-12-02T10:00:00Z", "2026-12-02T10:30:00Z")
			.contains("2026-12-02T09:00:00Z", "2026-12-02T11:00:00Z");
	}

	@Test
	void aMonthIsListedInOneAnswer() {
		ApiClient.Reply reply = api.get(PATH + "?startDate=2026-12-01&endDate=2026-12-30");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(starts(reply.json())).hasSizeGreaterThan(16 * 20).isSorted();
	}

	@Test
	void withTheRateLimitSwitchedOffOneClientMayAskOftenerThanTheDefaultLimit() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			statuses.add(api.get(PATH + "?startDate=2026-12-03&endDate=2026-12-03").status());
		}

		assertThat(statuses).containsOnly(200);
	}

	private static List<String> starts(JsonNode body) {
		List<String> starts = new ArrayList<>();
		body.path("slots").forEach(slot -> starts.add(slot.path("start").asString()));
		return starts;
	}

}
