package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.acme.booking.calendar.FakeGoogle.eventUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A late attempt against a newer run, in the gap its booking check leaves: the attempt
 * reads the booking unchanged, then the change is committed and the newer run converges
 * the event, then the late attempt writes. Google (a stateful stand-in) must end in the
 * newer run's state.
 */
class CalendarStaleWriteWireTest {

	static final GoogleEventStore store = new GoogleEventStore();

	static FakeGoogle google;

	/** The bookings as the database holds them now. */
	final Map<UUID, Booking> stored = new ConcurrentHashMap<>();

	/**
	 * Runs once, right after the next booking check has read the database and before the
	 * attempt that checked goes on.
	 */
	final AtomicReference<Runnable> afterNextCheck = new AtomicReference<>();

	EventSync sync;

	@BeforeAll
	static void start() {
		google = new FakeGoogle(store);
	}

	@AfterAll
	static void stop() {
		google.close();
	}

	@BeforeEach
	void setUp() {
		google.reset();
		store.clear();
		google.serveEventsFrom(store);
		GoogleCalendar calendar = GoogleCalendarFactory.create(google.properties());
		sync = new EventSync(calendar, new BookingEvents(ZoneId.of("Europe/London"), false),
				new OwnCalendarEvents(calendar, ZoneId.of("Europe/London")), this::current);
	}

	private Optional<Booking> current(UUID id) {
		Optional<Booking> now = Optional.ofNullable(stored.get(id));
		Runnable between = afterNextCheck.getAndSet(null);
		if (between != null) {
			between.run();
		}
		return now;
	}

	@Test
	void aLatePatchCannotReviveTheEventOfABookingCancelledAndDeletedMeanwhile() throws Exception {
		Booking late = withEvent(booking());
		String eventId = EventIds.forBooking(late.id());
		afterNextCheck.set(newerRun(change(late, BookingStatus.CANCELLED, Duration.ZERO)));

		Throwable refused = catchThrowable(() -> sync.converge(late));

		assertThat(store.status(eventId)).as("the deleted event stays deleted").isEqualTo("cancelled");
		assertThat(CalendarFailures.is(refused, 412)).as("Google refused the stale patch").isTrue();
	}

	@Test
	void aLateFirstInsertCannotMakeAnEventForABookingCancelledMeanwhile() {
		Booking late = store(booking());
		String eventId = EventIds.forBooking(late.id());
		// The cancel's run finds no event to delete: the late insert has not landed yet.
		afterNextCheck.set(newerRun(change(late, BookingStatus.CANCELLED, Duration.ZERO)));

		Throwable refused = catchThrowable(() -> sync.converge(late));

		assertThat(store.status(eventId)).as("no live event for the cancelled booking").isEqualTo("cancelled");
		assertThat(refused).isInstanceOfSatisfying(ApplicationFailure.class,
				failure -> assertThat(failure.getType()).isEqualTo("BookingChangedDuringAttempt"));
		google.server.verify(postRequestedFor(FakeGoogle.eventsUrl())
			.withRequestBody(matchingJsonPath("$.transparency", equalTo("transparent")))
			.withRequestBody(matchingJsonPath("$.summary", equalTo("Cancelled booking"))));
	}

	@Test
	void aLateInsertThatLandsBetweenTheCancelsDeleteAndItsPlaceholderIsDeleted() throws Exception {
		Booking cancelled = store(change(booking(), BookingStatus.CANCELLED, Duration.ZERO));
		String eventId = EventIds.forBooking(cancelled.id());
		store.landsAfterNextNotFound(eventId);

		assertThat(sync.converge(cancelled).eventId()).isEqualTo(eventId);

		assertThat(store.status(eventId)).isEqualTo("cancelled");
	}

	@Test
	void aCancelledBookingThatNeverHadAnEventTakesItsIdAndRecordsNone() throws Exception {
		Booking cancelled = store(change(booking(), BookingStatus.CANCELLED, Duration.ZERO));
		String eventId = EventIds.forBooking(cancelled.id());

		assertThat(sync.converge(cancelled).eventId()).isNull();

		assertThat(store.status(eventId)).isEqualTo("cancelled");
		google.server.verify(1, postRequestedFor(FakeGoogle.eventsUrl()));
		google.server.verify(2, deleteRequestedFor(eventUrl(eventId)));
	}

	@Test
	void aLatePatchOfTheOldTimeCannotLandAfterTheReschedulesPatch() throws Exception {
		Booking late = withEvent(booking());
		String eventId = EventIds.forBooking(late.id());
		Booking moved = change(late, BookingStatus.CONFIRMED, Duration.ofHours(2));
		afterNextCheck.set(newerRun(moved));

		Throwable refused = catchThrowable(() -> sync.converge(late));

		assertThat(store.start(eventId)).as("the new time stands").isEqualTo(moved.startTime());
		assertThat(CalendarFailures.is(refused, 412)).as("Google refused the stale patch").isTrue();
		assertThat(store.status(eventId)).isEqualTo("confirmed");
	}

	@Test
	void anEventDeletedByHandWhileTheBookingStandsIsBroughtBack() throws Exception {
		Booking booking = withEvent(booking());
		String eventId = EventIds.forBooking(booking.id());
		store.deleteByHand(eventId);

		sync.converge(booking);

		assertThat(store.status(eventId)).isEqualTo("confirmed");
		google.server.verify(postRequestedFor(eventUrl(eventId)).withHeader("If-Match", equalTo("\"2\""))
			.withRequestBody(matchingJsonPath("$.status", equalTo("confirmed"))));
	}

	@Test
	void a412ComesBackAsARetryableFailure() {
		CalendarFailures failures = new CalendarFailures(Clock.systemUTC(), google.properties(),
				FakeGoogle.CLIENT_EMAIL);
		Booking late = withEventUnchecked();
		afterNextCheck.set(newerRun(change(late, BookingStatus.CONFIRMED, Duration.ofHours(1))));

		assertThatThrownBy(() -> sync.converge(late)).satisfies(error -> {
			RuntimeException failure = failures.toFailure((Exception) error);
			assertThat(failure).isInstanceOfSatisfying(ApplicationFailure.class, app -> {
				assertThat(app.isNonRetryable()).isFalse();
				assertThat(app.getType()).isEqualTo("CalendarEventChangedDuringAttempt");
			});
		});
	}

	private Booking withEventUnchecked() {
		try {
			return withEvent(booking());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The booking synced once: its event exists and is recorded. */
	private Booking withEvent(Booking booking) throws Exception {
		store(booking);
		String eventId = sync.converge(booking).eventId();
		return store(new Booking(booking.id(), booking.status(), booking.name(), booking.email(), booking.company(),
				booking.phone(), booking.inquiry(), booking.startTime(), booking.endTime(), booking.timeZone(),
				booking.revision(), eventId, booking.createdAt(), booking.updatedAt(), Map.of()));
	}

	/** The change committed, then the newer run it starts converging the event. */
	private Runnable newerRun(Booking changed) {
		return () -> {
			store(changed);
			try {
				sync.converge(changed);
			}
			catch (Exception ex) {
				throw new IllegalStateException("the newer run failed", ex);
			}
		};
	}

	private Booking store(Booking booking) {
		stored.put(booking.id(), booking);
		return booking;
	}

	private static Booking booking() {
		Instant start = Instant.parse("2026-07-01T09:00:00Z");
		return new Booking(UUID.randomUUID(), BookingStatus.CONFIRMED, "Ada Lovelace", "ada@example.com",
				"Analytical Engines", null, "Demo please", start, start.plusSeconds(1800), "Europe/Paris", 1, null,
				start, start, Map.of());
	}

	/** The booking's next revision: the status, and the time moved by {@code by}. */
	private static Booking change(Booking b, BookingStatus status, Duration by) {
		return new Booking(b.id(), status, b.name(), b.email(), b.company(), b.phone(), b.inquiry(),
				b.startTime().plus(by), b.endTime().plus(by), b.timeZone(), b.revision() + 1, b.calendarEventId(),
				b.createdAt(), b.updatedAt(), Map.of());
	}

}
