package com.acme.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.calendar.CalendarMirror;
import com.acme.booking.calendar.CalendarUnavailable;
import com.acme.booking.calendar.FakeGoogle;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.acme.booking.availability.GoogleEventsJson.allDayEvent;
import static com.acme.booking.availability.GoogleEventsJson.bookingsEvent;
import static com.acme.booking.availability.GoogleEventsJson.event;
import static com.acme.booking.availability.GoogleEventsJson.list;
import static com.acme.booking.availability.GoogleEventsJson.token;
import static com.acme.booking.availability.GoogleEventsJson.transparent;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar mirror as a user meets it: bookings and listings over HTTP, Google played
 * by WireMock in its wire format ({@code events.list} in full and with {@code syncToken},
 * 410 GONE, free/busy). The test drives the polls itself
 * ({@link CalendarMirror#syncNow()}; the background poll runs once at start-up, then
 * hourly) and moves the clock to age the mirror.
 */
@RunningService(properties = { "booking.calendar.mirror.poll-interval=1h", "booking.calendar.mirror.max-staleness=2h",
		"booking.crm.enabled=false" })
@Import(MovableClock.Config.class)
class CalendarMirrorApiTest {

	static final FakeGoogle google = new FakeGoogle();

	static final String FREE_BUSY = "/calendar/v3/freeBusy";

	@DynamicPropertySource
	static void calendar(DynamicPropertyRegistry registry) {
		registry.add("booking.calendar.enabled", () -> "true");
		registry.add("booking.calendar.calendar-id", () -> FakeGoogle.CALENDAR_ID);
		registry.add("booking.calendar.service-account-file", google.keyFile::toString);
		registry.add("booking.calendar.root-url", google::rootUrl);
	}

	@LocalServerPort
	int port;

	@Autowired
	CalendarMirror mirror;

	@Autowired
	MovableClock clock;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		google.reset();
		// The booking's own calendar sync (the workflow) may write; its answers do not
		// matter here.
		google.stub(post(FakeGoogle.eventsUrl()).willReturn(FakeGoogle.eventJson("event")));
		google.stub(post(urlPathMatching(FakeGoogle.eventsUrl().getExpected() + "/[a-v0-9]+"))
			.willReturn(FakeGoogle.eventJson("event")));
		// Any sync token of an earlier test is unknown: the mirror starts each test with
		// a full sync.
		google.stub(get(FakeGoogle.eventsUrl()).atPriority(4)
			.withQueryParam("syncToken", matching(".+"))
			.willReturn(FakeGoogle.googleError(410, "global", "fullSyncRequired", "Sync token is no longer valid")));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@AfterAll
	static void stopGoogle() {
		google.close();
	}

	@Test
	void aSyncedMirrorAnswersTheBookingCheckAndListingsWithoutAskingGoogle() {
		Instant owners = Slots.fresh();
		Instant bookings = Slots.fresh();
		Instant shownFree = Slots.fresh();
		Instant free = Slots.fresh();
		String day = Slots.day(0).toString();
		fullSync(token(), event("owner1", owners), bookingsEvent("booked1", bookings), transparent("free1", shownFree),
				allDayEvent("holiday1", day));
		google.server.resetRequests();

		assertThat(book(owners).status()).isEqualTo(409);
		assertThat(book(owners).problemType()).isEqualTo("slot-unavailable");
		assertThat(book(bookings).status()).as("a booking's event is kept apart by PostgreSQL, as before")
			.isEqualTo(201);
		assertThat(book(shownFree).status()).isEqualTo(201);
		assertThat(book(free).status()).isEqualTo(201);
		assertThat(slots(day)).as("an all-day event blocks its whole date").isEmpty();

		assertThat(google.server.findAll(postRequestedFor(urlPathEqualTo(FREE_BUSY)))).isEmpty();
	}

	@Test
	void aReschedulingCheckReadsTheMirrorToo() {
		Instant booked = Slots.fresh();
		Instant owners = Slots.fresh();
		Instant free = Slots.fresh();
		fullSync(token(), event("owner5", owners));
		// From here on Google refuses every list but the mirror's: only the mirror can
		// know the owner's event. (A
		// permanent error, so that the bookings' own syncs do not retry into the circuit
		// breaker.)
		google.stub(get(FakeGoogle.eventsUrl()).atPriority(1)
			.withQueryParam("syncToken", absent())
			.willReturn(FakeGoogle.googleError(404, "global", "notFound", "Not Found")));
		Http.Response created = book(booked);
		assertThat(created.status()).isEqualTo(201);
		String path = "/api/bookings/" + created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();

		Http.Response onBusy = http.patch(path, Map.of("startTime", owners.toString()), "X-Booking-Token", token);
		Http.Response onFree = http.patch(path, Map.of("startTime", free.toString()), "X-Booking-Token", token);

		assertThat(onBusy.status()).isEqualTo(409);
		assertThat(onBusy.problemType()).isEqualTo("slot-unavailable");
		assertThat(onFree.status()).isEqualTo(200);
	}

	@Test
	void anEventTheOwnerAddsIsBusyAfterTheNextPoll() {
		Instant start = Slots.fresh();
		String first = token();
		fullSync(first);
		String day = start.atZone(LONDON).toLocalDate().toString();
		assertThat(slots(day)).contains(start.toString());

		String second = token();
		changes(first, second, event("owner2", start));
		mirror.syncNow();

		assertThat(slots(day)).doesNotContain(start.toString());
		assertThat(book(start).status()).isEqualTo(409);
		assertThat(google.server.findAll(postRequestedFor(urlPathEqualTo(FREE_BUSY)))).isEmpty();
	}

	@Test
	void anEventTheOwnerDeletesFreesItsSlotAfterTheNextPoll() {
		Instant start = Slots.fresh();
		String first = token();
		fullSync(first, event("owner3", start));
		assertThat(book(start).status()).isEqualTo(409);

		changes(first, token(), "{\"kind\": \"calendar#event\", \"id\": \"owner3\", \"status\": \"cancelled\"}");
		mirror.syncNow();

		assertThat(book(start).status()).isEqualTo(201);
	}

	@Test
	void aSyncTokenGoogleNoLongerAcceptsLeadsToAFullResync() {
		Instant start = Slots.fresh();
		String first = token();
		fullSync(first);
		google.stub(get(FakeGoogle.eventsUrl()).atPriority(1)
			.withQueryParam("syncToken", equalTo(first))
			.willReturn(FakeGoogle.googleError(410, "global", "fullSyncRequired", "Sync token is no longer valid")));
		stubFull(token(), event("owner4", start));
		google.server.resetRequests();

		mirror.syncNow();

		assertThat(google.server
			.findAll(getRequestedFor(FakeGoogle.eventsUrl()).withQueryParam("syncToken", equalTo(first)))).hasSize(1);
		// A full list (no token) follows; bookings' own syncs may list events too, so it
		// is the 409 that proves it.
		assertThat(google.server.findAll(getRequestedFor(FakeGoogle.eventsUrl()).withQueryParam("syncToken", absent())))
			.isNotEmpty();
		assertThat(book(start).status()).isEqualTo(409);
	}

	@Test
	void aMirrorOlderThanItsBoundFallsBackToFreeBusy() {
		Instant busy = Slots.fresh();
		Instant free = Slots.fresh();
		fullSync(token());
		google.stub(post(urlPathEqualTo(FREE_BUSY)).willReturn(okJson("""
				{"kind": "calendar#freeBusy", "calendars": {"%s": {"busy": [{"start": "%s", "end": "%s"}]}}}"""
			.formatted(FakeGoogle.CALENDAR_ID, busy, busy.plus(Duration.ofMinutes(30))))));
		google.stub(get(FakeGoogle.eventsUrl()).atPriority(1)
			.withQueryParam("syncToken", matching(".+"))
			.willReturn(FakeGoogle.googleError(503, "global", "backendError", "Backend Error")));
		clock.advance(Duration.ofHours(2).plusMinutes(1));
		assertThatThrownBy(mirror::syncNow).isInstanceOf(CalendarUnavailable.class);
		google.server.resetRequests();

		assertThat(book(busy).status()).as("the busy time is only in free/busy").isEqualTo(409);
		assertThat(book(free).status()).isEqualTo(201);
		assertThat(google.server.findAll(postRequestedFor(urlPathEqualTo(FREE_BUSY)))).hasSize(2);
	}

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	Http.Response book(Instant start) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Ada Lovelace");
		body.put("email", "mirror-" + UUID.randomUUID() + "@example.com");
		body.put("startTime", start.toString());
		return http.post("/api/bookings", body);
	}

	List<String> slots(String day) {
		Http.Response reply = http.get("/api/bookings/available-slots?startDate=" + day + "&endDate=" + day);
		assertThat(reply.status()).isEqualTo(200);
		List<String> starts = new ArrayList<>();
		reply.json().path("slots").forEach(slot -> starts.add(slot.path("start").asString()));
		return starts;
	}

	/** Google answers a full list with {@code events}, then the mirror syncs. */
	void fullSync(String nextSyncToken, String... events) {
		stubFull(nextSyncToken, events);
		mirror.syncNow();
	}

	void stubFull(String nextSyncToken, String... events) {
		google.stub(get(FakeGoogle.eventsUrl()).atPriority(5)
			.withQueryParam("syncToken", absent())
			.willReturn(list(nextSyncToken, events)));
	}

	/** What changed since {@code syncToken}: {@code events}, and the token after them. */
	void changes(String syncToken, String nextSyncToken, String... events) {
		google.stub(get(FakeGoogle.eventsUrl()).atPriority(1)
			.withQueryParam("syncToken", equalTo(syncToken))
			.withQueryParam("singleEvents", equalTo("true"))
			.withQueryParam("timeMin", absent())
			.willReturn(list(nextSyncToken, events)));
	}

}
