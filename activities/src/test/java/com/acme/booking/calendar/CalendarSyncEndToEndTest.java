package com.acme.booking.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.acme.activitiestest.ActivitiesTestApplication;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingChange;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.CalendarConflict;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.BookingRuns;
import com.acme.booking.support.TestClock;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.acme.booking.calendar.FakeGoogle.eventJson;
import static com.acme.booking.calendar.FakeGoogle.eventUrl;
import static com.acme.booking.calendar.FakeGoogle.eventsUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking workflow with the real calendar activity against a fake Google that keeps
 * state like the real one: an event id once created stays taken (409 {@code duplicate}),
 * deleting removes the event.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class,
		properties = { "booking.calendar.enabled=true", "booking.calendar.calendar-id=" + FakeGoogle.CALENDAR_ID,
				"booking.calendar.send-updates=none", "booking.calendar.read-timeout=8s",
				// Short, so that an attempt slower than it must keep itself alive by
				// heartbeats.
				"booking.sync.heartbeat-timeout=2s",
				// Must cover an attempt's worst case, or the calendar refuses to start.
				"booking.sync.attempt-timeout=5m",
				// The circuit is tested on the wire; here it must not trip between tests.
				"booking.calendar.circuit-breaker.sliding-window-size=1000",
				"booking.calendar.circuit-breaker.minimum-calls=1000" })
class CalendarSyncEndToEndTest {

	static final FakeGoogle google = new FakeGoogle();

	static final AtomicInteger DAY = new AtomicInteger(20);

	static final String EVENT = "google event";

	@Autowired
	BookingRepository bookings;

	@Autowired
	WorkflowClient temporal;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void pointAtFakeGoogle(DynamicPropertyRegistry registry) {
		registry.add("booking.calendar.service-account-file", () -> google.keyFile.toString());
		registry.add("booking.calendar.root-url", google::rootUrl);
	}

	@AfterAll
	static void stop() {
		google.close();
	}

	@BeforeEach
	void reset() {
		google.reset();
	}

	@ParameterizedTest(name = "lost by {0}")
	@ValueSource(strings = { "connection reset", "500 after recording" })
	void anInsertWhoseAnswerIsLostMakesExactlyOneEventAndTheBookingEndsSynced(String loss) {
		Booking booking = newBooking();
		String eventId = EventIds.forBooking(booking.id());
		ResponseDefinitionBuilder lost = loss.equals("connection reset")
				? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER) : FakeGoogle.backendError();
		google.stub(post(eventsUrl()).inScenario(EVENT)
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("created")
			.willReturn(lost));
		google.stub(
				post(eventsUrl()).inScenario(EVENT).whenScenarioStateIs("created").willReturn(FakeGoogle.duplicate()));
		google.stub(post(eventUrl(eventId)).inScenario(EVENT)
			.whenScenarioStateIs("created")
			.withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
			.willReturn(eventJson(eventId)));

		start(booking);

		Booking synced = awaitBooking(booking, b -> b.sync(Integration.CALENDAR).synced());
		assertThat(synced.calendarEventId()).isEqualTo(eventId);
		assertThat(synced.sync(Integration.CALENDAR).manual()).isFalse();
		assertThat(google.server.getAllScenarios().getScenarios().get(0).getState()).isEqualTo("created");
		assertThat(google.server.findAll(postRequestedFor(eventsUrl()))).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(insert -> assertThat(insert.getBodyAsString()).contains("\"id\":\"" + eventId + "\""));
		google.server.verify(1, postRequestedFor(eventUrl(eventId)));
	}

	@Test
	void transientErrorsRecoverHonouringRetryAfter() {
		Booking booking = newBooking();
		String eventId = EventIds.forBooking(booking.id());
		google.stub(post(eventsUrl()).inScenario(EVENT)
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("unavailable once")
			.willReturn(FakeGoogle.googleError(503, "global", "backendError", "Service unavailable")));
		google.stub(post(eventsUrl()).inScenario(EVENT)
			.whenScenarioStateIs("unavailable once")
			.willSetStateTo("rate limited once")
			.willReturn(FakeGoogle.rateLimited(429, "rateLimitExceeded").withHeader("Retry-After", "1")));
		google.stub(post(eventsUrl()).inScenario(EVENT)
			.whenScenarioStateIs("rate limited once")
			.willReturn(eventJson(eventId)));

		start(booking);

		Booking synced = awaitBooking(booking, b -> b.sync(Integration.CALENDAR).synced());
		assertThat(synced.calendarEventId()).isEqualTo(eventId);
		List<ServeEvent> inserts = google.server.getAllServeEvents()
			.stream()
			.filter(e -> e.getRequest().getMethod().getName().equals("POST")
					&& e.getRequest().getUrl().startsWith(FakeGoogle.calendarPath() + "/events?"))
			.toList();
		assertThat(inserts).hasSize(3);
		// Newest first: the wait after the 429 is Google's second, not the policy's 100
		// ms at most.
		assertThat(Duration.between(inserts.get(1).getRequest().getLoggedDate().toInstant(),
				inserts.get(0).getRequest().getLoggedDate().toInstant()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void aPermanentErrorFlagsManualSyncWithTheReasonAndIsNotRetried() {
		Booking booking = newBooking();
		google.stub(post(eventsUrl()).willReturn(FakeGoogle.googleError(403, "calendar", "requiredAccessLevel",
				"You need to have writer access to this calendar.")));

		start(booking);

		Booking flagged = awaitBooking(booking, b -> b.sync(Integration.CALENDAR).manual());
		assertThat(flagged.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(flagged.sync(Integration.CALENDAR).error()).contains("Make changes to events")
			.contains(FakeGoogle.CLIENT_EMAIL)
			.contains("(CalendarAccessDenied)");
		google.server.verify(1, postRequestedFor(eventsUrl()));
	}

	@Test
	void aCancelDuringRetriesLeavesNoEvent() {
		Booking booking = newBooking();
		String eventId = EventIds.forBooking(booking.id());
		// Every insert "succeeds" at Google but its answer is a slow 500; the first one
		// made the event.
		google.stub(post(eventsUrl()).inScenario(EVENT)
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("created")
			.willReturn(FakeGoogle.backendError().withFixedDelay(300)));
		google.stub(post(eventsUrl()).inScenario(EVENT)
			.whenScenarioStateIs("created")
			.willReturn(FakeGoogle.duplicate().withFixedDelay(300)));
		google.stub(delete(eventUrl(eventId)).inScenario(EVENT)
			.whenScenarioStateIs("created")
			.willSetStateTo("deleted")
			.willReturn(aResponse().withStatus(204)));
		google.stub(delete(eventUrl(eventId)).inScenario(EVENT)
			.whenScenarioStateIs("deleted")
			.willReturn(FakeGoogle.deleted()));

		start(booking);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !google.server.findAll(postRequestedFor(eventsUrl())).isEmpty());
		bookings.cancel(booking.id(), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(booking).bookingChanged();

		Booking done = awaitBooking(booking, b -> b.isCancelled() && b.sync(Integration.CALENDAR).synced());
		assertThat(done.sync(Integration.CALENDAR).manual()).isFalse();
		assertThat(google.server.getAllScenarios().getScenarios().get(0).getState()).isEqualTo("deleted");
		List<ServeEvent> newestFirst = google.server.getAllServeEvents();
		int lastDelete = indexOf(newestFirst, "DELETE");
		assertThat(newestFirst.subList(0, lastDelete))
			.noneMatch(e -> e.getRequest().getMethod().getName().equals("POST")
					&& e.getRequest().getUrl().startsWith(FakeGoogle.calendarPath() + "/events"));
	}

	@Test
	void aRescheduleAndADetailChangePatchTheEvent() {
		Booking booking = newBooking();
		String eventId = EventIds.forBooking(booking.id());
		google.stub(post(eventsUrl()).willReturn(eventJson(eventId)));
		google.stub(post(eventUrl(eventId)).withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
			.willReturn(eventJson(eventId)));
		start(booking);
		awaitBooking(booking, b -> b.sync(Integration.CALENDAR).synced());

		Instant newStart = booking.startTime().plus(Duration.ofHours(2));
		bookings.update(
				booking.id(), new BookingChange(newStart, newStart.plus(Duration.ofMinutes(45)), null,
						"Difference Engines Ltd", null, null),
				Duration.ofMinutes(15), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(booking).bookingChanged();

		Booking synced = awaitBooking(booking,
				b -> b.sync(Integration.CALENDAR).synced() && b.sync(Integration.CALENDAR).syncedRevision() == 2);
		assertThat(synced.calendarEventId()).isEqualTo(eventId);
		DateTimeFormatter rfc3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
		google.server.verify(1, postRequestedFor(eventsUrl()));
		google.server.verify(1, postRequestedFor(eventUrl(eventId))
			.withRequestBody(matchingJsonPath("$.start.dateTime",
					equalTo(newStart.atZone(ZoneId.of("Europe/London")).format(rfc3339))))
			.withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("Europe/London")))
			.withRequestBody(matchingJsonPath("$.summary", equalTo("Booking: Grace Hopper (Difference Engines Ltd)"))));
	}

	@Test
	void anAttemptSlowerThanTheHeartbeatTimeoutIsNotTakenForADeadWorker() {
		Booking booking = newBooking();
		String eventId = EventIds.forBooking(booking.id());
		// Google (or its token endpoint) takes twice the heartbeat timeout to answer.
		google.stub(post(eventsUrl()).willReturn(eventJson(eventId).withFixedDelay(4000)));

		start(booking);

		Booking synced = awaitBooking(booking, b -> b.sync(Integration.CALENDAR).synced());
		assertThat(synced.calendarEventId()).isEqualTo(eventId);
		google.server.verify(1, postRequestedFor(eventsUrl()));
	}

	@Test
	void aClashWithTheOwnersOwnEventIsRecordedCountedAndSearchableAndClearsWhenMovedAway() {
		Booking booking = newBooking();
		String eventId = EventIds.forBooking(booking.id());
		Instant dentist = booking.startTime().plus(Duration.ofMinutes(15));
		google.stub(get(eventsUrl())
			.willReturn(FakeGoogle.eventList("dentist " + dentist + " " + dentist.plus(Duration.ofMinutes(45)))));
		google.stub(post(eventsUrl()).willReturn(eventJson(eventId)));
		google.stub(post(eventUrl(eventId)).withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
			.willReturn(eventJson(eventId)));
		double before = meters.counter(CalendarConflicts.METRIC).count();

		start(booking);

		Booking clashing = awaitBooking(booking,
				b -> b.sync(Integration.CALENDAR).synced() && b.calendarConflict() != null);
		assertThat(clashing.calendarConflict())
			.isEqualTo(new CalendarConflict(dentist, dentist.plus(Duration.ofMinutes(45))));
		assertThat(clashing.calendarEventId()).as("the event is written all the same").isEqualTo(eventId);
		assertThat(meters.counter(CalendarConflicts.METRIC).count()).isEqualTo(before + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> conflictAttribute(booking), "YES"::equals);

		Instant later = booking.startTime().plus(Duration.ofHours(3));
		bookings.update(booking.id(),
				new BookingChange(later, later.plus(Duration.ofMinutes(30)), null, null, null, null),
				Duration.ofMinutes(15), TestClock.now(), ChangeSource.CUSTOMER);
		workflow(booking).bookingChanged();

		Booking moved = awaitBooking(booking,
				b -> b.sync(Integration.CALENDAR).synced() && b.sync(Integration.CALENDAR).syncedRevision() == 2);
		assertThat(moved.calendarConflict()).isNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> conflictAttribute(booking), "NO"::equals);
	}

	private String conflictAttribute(Booking booking) {
		return WorkflowStub.fromTyped(workflow(booking))
			.describe()
			.getTypedSearchAttributes()
			.get(BookingTemporal.CALENDAR_CONFLICT);
	}

	private Booking newBooking() {
		UUID id = UUID.randomUUID();
		Instant start = TestClock.now()
			.truncatedTo(ChronoUnit.DAYS)
			.plus(Duration.ofDays(DAY.getAndIncrement()))
			.plus(Duration.ofHours(10));
		return bookings.insert(id,
				new NewBooking("Grace Hopper", "grace+" + id + "@example.com", "Remington Rand", "+1 555 0100",
						"Compilers", start, start.plus(Duration.ofMinutes(30)), "America/New_York"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
	}

	private void start(Booking booking) {
		BookingRuns.start(temporal, booking);
	}

	private BookingWorkflow workflow(Booking booking) {
		return BookingRuns.of(temporal, booking);
	}

	private Booking awaitBooking(Booking booking, Predicate<Booking> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> bookings.findById(booking.id()).orElseThrow(), condition::test);
	}

	private static int indexOf(List<ServeEvent> events, String method) {
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).getRequest().getMethod().getName().equals(method)) {
				return i;
			}
		}
		throw new AssertionError("no " + method + " request");
	}

}
