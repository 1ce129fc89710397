package com.acme.booking.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.core.CalendarConflict;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.acme.booking.calendar.FakeGoogle.eventJson;
import static com.acme.booking.calendar.FakeGoogle.eventList;
import static com.acme.booking.calendar.FakeGoogle.eventsUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before it writes, the calendar sync lists the events of the booking's time and reports
 * a clash with the owner's own events; the booking's own event and other bookings' events
 * never count, recognised by id and property.
 */
class CalendarClashWireTest {

	static FakeGoogle google;

	EventSync sync;

	BusyTimes busyTimes;

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
		OwnCalendarEvents own = new OwnCalendarEvents(calendar, ZoneId.of("Europe/London"));
		// The bookings as stored now: every write first checks the booking did not change
		// during the attempt.
		sync = new EventSync(calendar, new BookingEvents(ZoneId.of("Europe/London"), false), own,
				id -> Optional.ofNullable(CalendarEventSyncWireTest.stored.get(id)));
		busyTimes = new GoogleBusyTimes(calendar, own);
	}

	@Test
	void reportsTheOwnersOverlappingEventAndStillWritesTheBookingsEvent() throws Exception {
		Booking booking = CalendarEventSyncWireTest.booking(BookingStatus.CONFIRMED, null);
		String eventId = EventIds.forBooking(booking.id());
		google.stub(get(eventsUrl()).willReturn(eventList(
				// Its own event (an earlier attempt made it), another booking's, one
				// shown as free, and the dentist.
				eventId + " 2026-07-01T09:00:00Z 2026-07-01T09:30:00Z",
				"otherbooking 2026-07-01T08:45:00Z 2026-07-01T09:10:00Z booking",
				"focustime 2026-07-01T09:00:00Z 2026-07-01T12:00:00Z transparent",
				"dentist 2026-07-01T09:20:00Z 2026-07-01T10:00:00Z")));
		google.stub(post(eventsUrl()).willReturn(eventJson(eventId)));

		EventSync.Outcome outcome = sync.converge(booking);

		assertThat(outcome.clash()).isEqualTo(
				new CalendarConflict(Instant.parse("2026-07-01T09:20:00Z"), Instant.parse("2026-07-01T10:00:00Z")));
		assertThat(outcome.eventId()).isEqualTo(eventId);
		google.server.verify(1, postRequestedFor(eventsUrl()));
		google.server.verify(getRequestedFor(eventsUrl()).withQueryParam("singleEvents", equalTo("true"))
			.withQueryParam("timeMin", equalTo("2026-07-01T09:00:00.000Z"))
			.withQueryParam("timeMax", equalTo("2026-07-01T09:30:00.000Z")));
	}

	@Test
	void itsOwnEventAloneIsNoClash() throws Exception {
		Booking booking = CalendarEventSyncWireTest.booking(BookingStatus.CONFIRMED, null);
		String eventId = EventIds.forBooking(booking.id());
		google.stub(get(eventsUrl()).willReturn(eventList(eventId + " 2026-07-01T09:00:00Z 2026-07-01T09:30:00Z")));
		google.stub(post(eventsUrl()).willReturn(eventJson(eventId)));

		assertThat(sync.converge(booking).clash()).isNull();
	}

	@Test
	void aCancelledBookingLooksForNoClash() throws Exception {
		Booking booking = CalendarEventSyncWireTest.booking(BookingStatus.CANCELLED, null);
		google.stub(WireMock.delete(FakeGoogle.eventUrl(EventIds.forBooking(booking.id())))
			.willReturn(WireMock.noContent()));

		assertThat(sync.converge(booking).clash()).isNull();
		google.server.verify(0, getRequestedFor(eventsUrl()));
	}

	@Test
	void busyTimesBesidesBookingsLeaveOutEveryBookingsEvent() {
		// Free/busy would merge these into one 09:00-11:00 period; the event list keeps
		// them apart.
		google
			.stub(get(eventsUrl()).willReturn(eventList("ownbooking 2026-07-01T09:00:00Z 2026-07-01T09:30:00Z booking",
					"meeting 2026-07-01T09:30:00Z 2026-07-01T11:00:00Z")));

		assertThat(
				busyTimes.besidesBookings(Instant.parse("2026-07-01T08:00:00Z"), Instant.parse("2026-07-01T12:00:00Z")))
			.containsExactly(
					new BusyPeriod(Instant.parse("2026-07-01T09:30:00Z"), Instant.parse("2026-07-01T11:00:00Z")));
	}

}
