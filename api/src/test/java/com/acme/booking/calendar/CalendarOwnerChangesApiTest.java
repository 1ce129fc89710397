package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.Integration;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The owner's moves and deletes of bookings' events in Google, as the service meets them:
 * bookings over HTTP, Google played by a stateful stand-in in its wire format (events
 * written by the calendar sync, {@code events.list} in full and with sync tokens, 410
 * GONE), the workflows on the in-process Temporal server. The owner edits the stand-in's
 * events by hand; the test drives the mirror's polls itself
 * ({@link CalendarMirror#syncNow()}). The context's mirror follows the owner
 * ({@code follow}, the default); a second mirror, as another API instance would run it,
 * flags or restores instead.
 */
@RunningService(properties = { "booking.calendar.mirror.poll-interval=1h", "booking.calendar.mirror.max-staleness=2h",
		"booking.crm.enabled=false" })
class CalendarOwnerChangesApiTest {

	static final String ADMIN = "test-admin-key";

	static final GoogleEventStore store = new GoogleEventStore();

	static final FakeGoogle google = new FakeGoogle(store);

	static {
		google.serveEventsFrom(store);
		google.serveListsFrom(store);
	}

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
	GoogleCalendar calendar;

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingRulesProperties rules;

	@Autowired
	CalendarMirrorProperties mirrorSettings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WorkflowClient temporal;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
	}

	@AfterAll
	static void stopGoogle() {
		google.close();
	}

	@Test
	void anEventTheOwnerMovesReschedulesItsBookingOnceAndTheUpdatePutsTheEventInStep() {
		Created booking = bookAndSync();
		Instant moved = Slots.fresh();

		store.moveByHand(booking.eventId(), moved, moved.plus(Duration.ofMinutes(45)));
		mirror.syncNow();
		// Seen again by another instance's full sync, and by this one's next poll.
		otherInstance(CalendarProperties.OwnerChanges.FOLLOW).syncNow();
		mirror.syncNow();

		Booking rescheduled = bookings.findById(booking.id()).orElseThrow();
		assertThat(rescheduled.startTime()).isEqualTo(moved);
		assertThat(rescheduled.endTime()).as("its length kept").isEqualTo(moved.plus(Duration.ofMinutes(30)));
		assertThat(rescheduled.revision()).as("moved once").isEqualTo(2);
		awaitCalendarAt(booking, 2);
		assertThat(store.start(booking.eventId())).isEqualTo(moved);
		assertThat(store.end(booking.eventId())).isEqualTo(moved.plus(Duration.ofMinutes(30)));
		assertThat(awaitMessages(booking, 2)).containsExactly("CONFIRMATION", "UPDATE");

		// The service's own patch comes back in the next poll: no echo.
		mirror.syncNow();
		assertThat(bookings.findById(booking.id()).orElseThrow().revision()).isEqualTo(2);
		assertThat(lastChangeSource(booking)).as("who moved it, in the booking's history").isEqualTo("CALENDAR_OWNER");
	}

	@Test
	void anEventTheOwnerDeletesCancelsItsBooking() {
		Created booking = bookAndSync();

		store.deleteByHand(booking.eventId());
		mirror.syncNow();
		mirror.syncNow();

		Booking cancelled = bookings.findById(booking.id()).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.revision()).isEqualTo(2);
		assertThat(awaitMessages(booking, 2)).containsExactly("CONFIRMATION", "CANCELLATION");
		assertThat(lastChangeSource(booking)).isEqualTo("CALENDAR_OWNER");
	}

	String lastChangeSource(Created booking) {
		Http.Response history = http.get("/api/admin/bookings/" + booking.id() + "/history", "X-Api-Key", ADMIN);
		assertThat(history.status()).isEqualTo(200);
		JsonNode changes = history.json().path("changes");
		return changes.get(changes.size() - 1).path("source").asString();
	}

	@Test
	void aDeleteSeenOnlyByTheFullResyncAfterA410CancelsItsBookingToo() {
		Created booking = bookAndSync();

		store.deleteByHand(booking.eventId());
		store.expireSyncTokens();
		mirror.syncNow();

		assertThat(bookings.findById(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void aTitleEditAnEventOfTheOwnersAndACancelledBookingsEventChangeNoBooking() {
		Created retitled = bookAndSync();
		Created cancelled = bookAndSync();
		assertThat(http.delete("/api/bookings/" + cancelled.id(), "X-Api-Key", ADMIN).status()).isEqualTo(200);
		awaitCalendarAt(cancelled, 2);
		Instant elsewhere = Slots.fresh();

		store.retitleByHand(retitled.eventId(), "Call Ada back first");
		store.moveByHand(cancelled.eventId(), elsewhere, elsewhere.plus(Duration.ofMinutes(30)));
		// An id of Google's own that reads like a booking's, of no booking.
		store.addByHand(EventIds.forBooking(UUID.randomUUID()), elsewhere, elsewhere.plus(Duration.ofHours(1)));
		mirror.syncNow();
		store.expireSyncTokens();
		mirror.syncNow();

		Booking afterTitle = bookings.findById(retitled.id()).orElseThrow();
		assertThat(afterTitle.revision()).isEqualTo(1);
		assertThat(afterTitle.startTime()).isEqualTo(retitled.start());
		assertThat(store.summary(retitled.eventId())).isEqualTo("Call Ada back first");
		Booking stillCancelled = bookings.findById(cancelled.id()).orElseThrow();
		assertThat(stillCancelled.revision()).isEqualTo(2);
		assertThat(stillCancelled.startTime()).isEqualTo(cancelled.start());
	}

	@Test
	void withFlagAMoveOnlyMarksTheBookingUntilAnOperatorsChangeIsPushed() {
		Created booking = bookAndSync();
		CalendarMirror flagging = otherInstance(CalendarProperties.OwnerChanges.FLAG);
		flagging.syncNow();
		Instant moved = Slots.fresh();

		store.moveByHand(booking.eventId(), moved, moved.plus(Duration.ofMinutes(30)));
		flagging.syncNow();

		Http.Response read = http.get("/api/bookings/" + booking.id(), "X-Api-Key", ADMIN);
		assertThat(read.json().path("startTime").asString()).isEqualTo(booking.start().toString());
		assertThat(read.json().path("calendarDrift").path("start").asString()).isEqualTo(moved.toString());
		assertThat(read.json().path("calendarDrift").path("end").asString())
			.isEqualTo(moved.plus(Duration.ofMinutes(30)).toString());
		assertThat(read.json().path("calendarDrift").has("deleted")).isFalse();
		assertThat(bookings.findById(booking.id()).orElseThrow().revision()).isEqualTo(1);
		assertThat(ids("/api/admin/bookings?drift=true&email=" + booking.email())).containsExactly(booking.id());
		assertThat(ids("/api/admin/bookings?email=" + booking.email())).containsExactly(booking.id());
		assertThat(http.get("/actuator/prometheus").body()).as("the gauge the BookingCalendarDrift alert reads")
			.containsPattern("booking_calendar_drift_open(\\{[^}]*})? [1-9]");
		await().atMost(Duration.ofSeconds(20))
			.alias("the Web UI lists it with CalendarDrift=YES")
			.until(() -> "YES".equals(driftAttribute(booking)));

		Http.Response changed = http.patch("/api/bookings/" + booking.id(), Map.of("name", "Ada King"), "X-Api-Key",
				ADMIN);
		assertThat(changed.status()).isEqualTo(200);
		awaitCalendarAt(booking, 2);

		assertThat(store.start(booking.eventId())).as("the push puts the event back").isEqualTo(booking.start());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> bookings.findById(booking.id()).orElseThrow().calendarDrift() == null);
		assertThat(ids("/api/admin/bookings?drift=true&email=" + booking.email())).isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> "NO".equals(driftAttribute(booking)));
	}

	String driftAttribute(Created booking) {
		return temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(booking.id().toString()))
			.describe()
			.getTypedSearchAttributes()
			.get(BookingTemporal.CALENDAR_DRIFT);
	}

	@Test
	void withFlagADeleteIsKeptAsDeleted() {
		Created booking = bookAndSync();
		CalendarMirror flagging = otherInstance(CalendarProperties.OwnerChanges.FLAG);
		flagging.syncNow();

		store.deleteByHand(booking.eventId());
		flagging.syncNow();

		Http.Response read = http.get("/api/bookings/" + booking.id(), "X-Api-Key", ADMIN);
		assertThat(read.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(read.json().path("calendarDrift").path("deleted").asBoolean()).isTrue();
		assertThat(read.json().path("calendarDrift").has("start")).isFalse();
	}

	@Test
	void withRestoreTheEventIsPutBackAndTheCustomerHearsNothing() {
		Created booking = bookAndSync();
		CalendarMirror restoring = otherInstance(CalendarProperties.OwnerChanges.RESTORE);
		restoring.syncNow();
		Instant moved = Slots.fresh();

		store.moveByHand(booking.eventId(), moved, moved.plus(Duration.ofMinutes(30)));
		restoring.syncNow();

		await().atMost(Duration.ofSeconds(20)).until(() -> store.start(booking.eventId()).equals(booking.start()));
		assertThat(store.end(booking.eventId())).isEqualTo(booking.start().plus(Duration.ofMinutes(30)));
		Booking unchanged = bookings.findById(booking.id()).orElseThrow();
		assertThat(unchanged.revision()).isEqualTo(1);
		assertThat(unchanged.startTime()).isEqualTo(booking.start());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> SyncedRevisions.caughtUp(jdbc, booking.id(), Integration.MAIL));
		assertThat(messages(booking)).containsExactly("CONFIRMATION");
	}

	/**
	 * A mirror as another API instance runs it, acting on the owner's changes by
	 * {@code policy}.
	 */
	CalendarMirror otherInstance(CalendarProperties.OwnerChanges policy) {
		OwnCalendarEvents ownEvents = new OwnCalendarEvents(calendar, rules.timeZone());
		OwnerChanges ownerChanges = new OwnerChanges(calendar, ownEvents, bookings, policy, rules.buffer(), clock,
				events, meters);
		return new CalendarMirror(new MirrorSync(calendar, ownEvents), mirrorSettings,
				rules.maxAdvance().plus(Duration.ofDays(2)).plus(rules.buffer()), clock, events, ownerChanges);
	}

	record Created(UUID id, String eventId, Instant start, String email) {
	}

	/** A booking whose event the calendar sync wrote, seen by the mirror since. */
	Created bookAndSync() {
		Instant start = Slots.fresh();
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Ada Lovelace");
		body.put("email", "owner-" + UUID.randomUUID() + "@example.com");
		body.put("startTime", start.toString());
		Http.Response created = http.post("/api/bookings", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		UUID id = UUID.fromString(created.json().path("id").asString());
		Created booking = new Created(id, EventIds.forBooking(id), start, (String) body.get("email"));
		awaitCalendarAt(booking, 1);
		mirror.syncNow();
		return booking;
	}

	void awaitCalendarAt(Created booking, long revision) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> SyncedRevisions.of(jdbc, booking.id(), Integration.CALENDAR) >= revision);
	}

	List<String> awaitMessages(Created booking, int count) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> messages(booking), kinds -> kinds.size() >= count);
	}

	List<String> messages(Created booking) {
		Http.Response response = http.get("/api/admin/bookings/" + booking.id() + "/messages", "X-Api-Key", ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> kinds = new ArrayList<>();
		response.json().path("messages").forEach(message -> kinds.add(message.path("kind").asString()));
		return kinds;
	}

	List<UUID> ids(String path) {
		Http.Response response = http.get(path, "X-Api-Key", ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<UUID> ids = new ArrayList<>();
		response.json().path("bookings").forEach(b -> ids.add(UUID.fromString(b.path("id").asString())));
		return ids;
	}

}
