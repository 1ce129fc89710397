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
import com.acme.booking.token.ManageTokens;
import com.acme.booking.web.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/bookings/available-slots?bookingId=} over HTTP: the manage page's
 * picker sees the booking's own time and its neighbours within the buffer, and only with
 * the booking's token or the admin key. Same context as {@link SlotsApiTest} (now is
 * Monday 2026-11-30 08:00Z).
 */
@RunningService
@Import(FixedNow.class)
class SlotsForReschedulingApiTest {

	private static final String DAY = "?startDate=2026-12-03&endDate=2026-12-03";

	private static final String PATH = "/api/bookings/available-slots";

	@LocalServerPort
	int port;

	@Autowired
	BookingRepository repository;

	@Autowired
	ManageTokens tokens;

	@Autowired
	ApplicationEventPublisher events;

	ApiClient api;

	static UUID own;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		if (own == null) {
			// Thursday: the booking at 10:00 and another at 12:00, each blocking its
			// neighbours within the 15-minute buffer.
			own = book("2026-12-03T10:00:00Z");
			book("2026-12-03T12:00:00Z");
		}
	}

	@Test
	void theBookingsTokenOffersItsOwnTimeAndItsNeighboursButStillNotOtherBookings() {
		List<String> everyone = starts(api.get(PATH + DAY).json());
		List<String> forOwner = starts(
				api.get(PATH + DAY + "&bookingId=" + own, "X-Booking-Token", tokens.tokenFor(own, 1)).json());

		assertThat(everyone).doesNotContain("2026-12-03T09:30:00Z", "2026-12-03T10:00:00Z", "2026-12-03T10:30:00Z",
				"2026-12-03T11:30:00Z", "2026-12-03T12:00:00Z", "2026-12-03T12:30:00Z");
		assertThat(forOwner).contains("2026-12-03T09:30:00Z", "2026-12-03T10:00:00Z", "2026-12-03T10:30:00Z")
			.doesNotContain("2026-12-03T11:30:00Z", "2026-12-03T12:00:00Z", "2026-12-03T12:30:00Z")
			.containsAll(everyone)
			.hasSize(everyone.size() + 3)
			.isSorted();
	}

	@Test
	void otherDatesAreListedAsForEveryone() {
		String range = "?startDate=2026-12-01&endDate=2026-12-08&duration=60";
		List<String> everyone = starts(api.get(PATH + range).json());
		List<String> forOwner = starts(
				api.get(PATH + range + "&bookingId=" + own, "X-Booking-Token", tokens.tokenFor(own, 1)).json());

		assertThat(forOwner.stream().filter(start -> !start.startsWith("2026-12-03")))
			.containsExactlyElementsOf(everyone.stream().filter(start -> !start.startsWith("2026-12-03")).toList());
		assertThat(forOwner).contains("2026-12-03T09:30:00Z", "2026-12-03T10:00:00Z").isSorted();
	}

	@Test
	void theOpenApiDescriptionNamesTheParameterAndWhoMayUseIt() {
		String openApi = api.get("/v3/api-docs").body();

		assertThat(openApi).contains("\"bookingId\"", "X-Booking-Token", "its neighbours within the buffer");
	}

	@Test
	void theAdminKeyMayAskForAnyBooking() {
		assertThat(starts(api.get(PATH + DAY + "&bookingId=" + own, "X-Api-Key", "test-admin-key").json()))
			.contains("2026-12-03T10:00:00Z");
	}

	@Test
	void aWrongOrMissingTokenIsNotFoundAndRevealsNothing() {
		ApiClient.Reply wrongToken = api.get(PATH + DAY + "&bookingId=" + own, "X-Booking-Token",
				tokens.tokenFor(UUID.randomUUID(), 1));
		ApiClient.Reply noToken = api.get(PATH + DAY + "&bookingId=" + own);
		ApiClient.Reply unknown = api.get(PATH + DAY + "&bookingId=" + UUID.randomUUID(), "X-Booking-Token",
				tokens.tokenFor(own, 1));
		ApiClient.Reply malformed = api.get(PATH + DAY + "&bookingId=nope", "X-Api-Key", "wrong");

		for (ApiClient.Reply reply : List.of(wrongToken, noToken, unknown, malformed)) {
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().path("type").asString()).isEqualTo(Problems.BASE + Problems.NOT_FOUND);
			assertThat(reply.json().has("slots")).isFalse();
			assertThat(reply.body()).doesNotContain(own.toString()).isEqualTo(unknown.body());
		}
	}

	private UUID book(String start) {
		UUID id = UUID.randomUUID();
		Instant from = Instant.parse(start);
		repository.insert(id,
				new NewBooking("Ada", "ada-" + id + "@example.com", null, null, null, from, from.plusSeconds(1800),
						"Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)),
				Instant.parse("2026-11-30T08:00:00Z"), ChangeSource.CUSTOMER);
		events.publishEvent(new BookingsChanged(id.toString()));
		return id;
	}

	private static List<String> starts(JsonNode body) {
		List<String> starts = new ArrayList<>();
		body.path("slots").forEach(slot -> starts.add(slot.path("start").asString()));
		return starts;
	}

}
