package com.acme.booking.calendar;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.acme.booking.calendar.FakeGoogle.duplicate;
import static com.acme.booking.calendar.FakeGoogle.eventJson;
import static com.acme.booking.calendar.FakeGoogle.eventUrl;
import static com.acme.booking.calendar.FakeGoogle.eventsUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event calls on the wire, against a WireMock server answering like Google. */
class CalendarEventSyncWireTest {

	static FakeGoogle google;

	/**
	 * The bookings as the database holds them now; booking() stores each one it makes.
	 */
	static final Map<UUID, Booking> stored = new ConcurrentHashMap<>();

	EventSync sync;

	@BeforeAll
	static void start() {
		google = new FakeGoogle();
	}

	@AfterAll
	static void stop() {

		google.close();
	}

	@BeforeEach
	void setUp() {
		google.reset();
		GoogleCalendar calendar = GoogleCalendarFactory.create(google.properties());
		sync = new EventSync(calendar, new BookingEvents(ZoneId.of("Europe/London"), false),
				new OwnCalendarEvents(calendar, ZoneId.of("Europe/London")), id -> Optional.ofNullable(stored.get(id)));
	}

	@Test
	void insertsTheEventUnderTheBookingsOwnIdAfterAJwtBearerTokenExchange() throws Exception {
		Booking booking = booking(BookingStatus.CONFIRMED, null);
		String eventId = EventIds.forBooking(booking.id());
		google.stub(post(eventsUrl()).willReturn(eventJson(eventId)));

		assertThat(sync.converge(booking).eventId()).isEqualTo(eventId);

		LoggedRequest token = google.server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
		String assertion = formValue(token.getBodyAsString(), "assertion");
		String[] jwt = assertion.split("\\.");
		assertThat(jwt).hasSize(3);
		String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"iss\":\"" + FakeGoogle.CLIENT_EMAIL + "\"")
			.contains("https://www.googleapis.com/auth/calendar")
			.contains("\"aud\":");
		// The client gzips bodies (Content-Encoding: gzip); WireMock inflates them before
		// matching.
		google.server.verify(1, postRequestedFor(eventsUrl()).withQueryParam("sendUpdates", equalTo("none"))
			.withHeader("Content-Encoding", equalTo("gzip"))
			.withHeader("Authorization", equalTo("Bearer " + FakeGoogle.ACCESS_TOKEN))
			.withRequestBody(matchingJsonPath("$.id", equalTo(eventId)))
			.withRequestBody(
					matchingJsonPath("$.extendedProperties.private.bookingId", equalTo(booking.id().toString())))
			.withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("Europe/London"))));
	}

	@Test
	void aDuplicateOnInsertMeansOurEventExistsAndIsPatchedToTheCurrentState() throws Exception {
		Booking booking = booking(BookingStatus.CONFIRMED, null);
		String eventId = EventIds.forBooking(booking.id());
		google.stub(post(eventsUrl()).willReturn(duplicate()));
		google.stub(post(eventUrl(eventId)).withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
			.willReturn(eventJson(eventId)));

		assertThat(sync.converge(booking).eventId()).isEqualTo(eventId);

		// Conditional on the etag just read; the status of a live event is left alone.
		google.server
			.verify(1, postRequestedFor(eventUrl(eventId)).withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
				.withHeader("If-Match", equalTo("\"3412\""))
				.withRequestBody(notContaining("\"status\""))
				.withRequestBody(matchingJsonPath("$.summary", equalTo("Booking: Ada Lovelace (Analytical Engines)"))));
	}

	@Test
	void aDuplicateIsNotPatchedWhenTheBookingChangedDuringTheAttempt() {
		Booking loaded = booking(BookingStatus.CONFIRMED, null);
		String eventId = EventIds.forBooking(loaded.id());
		google.stub(post(eventsUrl()).willReturn(duplicate()));
		google.stub(post(eventUrl(eventId)).willReturn(eventJson(eventId)));
		// Cancelled while this (late) attempt waited for Google: its delete may already
		// have run.
		stored.put(loaded.id(), withRevision(loaded, BookingStatus.CANCELLED, loaded.revision() + 1));

		assertThatThrownBy(() -> sync.converge(loaded)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
			assertThat(failure.isNonRetryable()).isFalse();
			assertThat(failure.getType()).isEqualTo("BookingChangedDuringAttempt");
			assertThat(failure.getOriginalMessage()).contains("booking changed during the attempt");
		});
		google.server.verify(0, postRequestedFor(eventUrl(eventId)));
	}

	@Test
	void aBookingWithARecordedEventIsPatchedWithoutInserting() throws Exception {
		Booking booking = booking(BookingStatus.CONFIRMED, "recorded");
		String eventId = EventIds.forBooking(booking.id());
		google.stub(post(eventUrl(eventId)).willReturn(eventJson(eventId)));

		assertThat(sync.converge(booking).eventId()).isEqualTo(eventId);

		google.server.verify(0, postRequestedFor(eventsUrl()));
		google.server.verify(1, postRequestedFor(eventUrl(eventId))
			.withRequestBody(matchingJsonPath("$.start.dateTime", equalTo("2026-07-01T10:00:00.000+01:00"))));
	}

	@Test
	void aRecordedEventIsNotPatchedWhenTheBookingChangedDuringTheAttempt() {
		Booking loaded = booking(BookingStatus.CONFIRMED, "recorded");
		String eventId = EventIds.forBooking(loaded.id());
		google.stub(post(eventUrl(eventId)).willReturn(eventJson(eventId)));
		// Cancelled while this late attempt waited (a slow token fetch): its patch would
		// revive the deleted event.
		stored.put(loaded.id(), withRevision(loaded, BookingStatus.CANCELLED, loaded.revision() + 1));

		assertThatThrownBy(() -> sync.converge(loaded)).isInstanceOfSatisfying(ApplicationFailure.class,
				failure -> assertThat(failure.getType()).isEqualTo("BookingChangedDuringAttempt"));
		google.server.verify(0, postRequestedFor(eventUrl(eventId)));
		google.server.verify(0, postRequestedFor(eventsUrl()));
	}

	@Test
	void aCancelledBookingDeletesItsEvent() throws Exception {
		Booking booking = booking(BookingStatus.CANCELLED, null);
		String eventId = EventIds.forBooking(booking.id());
		google.stub(delete(eventUrl(eventId)).willReturn(aResponse().withStatus(204)));

		assertThat(sync.converge(booking).eventId()).isEqualTo(eventId);

		google.server.verify(1, deleteRequestedFor(eventUrl(eventId)));
	}

	@Test
	void deletingAnEventThatIsGoneIsDone() throws Exception {
		Booking gone = booking(BookingStatus.CANCELLED, "recorded");
		google.stub(delete(eventUrl(EventIds.forBooking(gone.id()))).willReturn(FakeGoogle.deleted()));

		assertThat(sync.converge(gone).eventId()).isEqualTo("recorded");
		google.server.verify(0, postRequestedFor(eventsUrl()));
	}

	@Test
	void otherErrorsReachTheCaller() {
		Booking booking = booking(BookingStatus.CONFIRMED, null);
		google.stub(post(eventsUrl()).willReturn(FakeGoogle.backendError()));

		assertThatThrownBy(() -> sync.converge(booking)).satisfies(error -> {
			assertThat(CalendarFailures.is(error, 500)).isTrue();
			assertThat(CalendarFailures.isTransient(error)).isTrue();
		});
	}

	static Booking booking(BookingStatus status, String eventId) {
		Instant start = Instant.parse("2026-07-01T09:00:00Z");
		Booking booking = new Booking(UUID.randomUUID(), status, "Ada Lovelace", "ada@example.com",
				"Analytical Engines", "+44 20 7946 0000", "Demo please", start, start.plusSeconds(1800), "Europe/Paris",
				1, eventId, start, start, Map.of());
		stored.put(booking.id(), booking);
		return booking;
	}

	static Booking withRevision(Booking b, BookingStatus status, long revision) {
		return new Booking(b.id(), status, b.name(), b.email(), b.company(), b.phone(), b.inquiry(), b.startTime(),
				b.endTime(), b.timeZone(), revision, b.calendarEventId(), b.createdAt(), b.updatedAt(), Map.of());
	}

	private static String formValue(String body, String name) {
		for (String pair : body.split("&")) {
			if (pair.startsWith(name + "=")) {
				return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + name + " in " + body);
	}

}
