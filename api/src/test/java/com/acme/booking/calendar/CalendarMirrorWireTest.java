package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mirror against Google's wire format on WireMock: the full list and the list since a
 * sync token read every page, send only what Google allows with a token, apply changes
 * and deletions by event id, and keep the mirror as it was when a page fails.
 */
class CalendarMirrorWireTest {

	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	static final FakeGoogle google = new FakeGoogle();

	final List<CalendarBusyChanged> announced = new ArrayList<>();

	final CalendarMirror mirror = mirror();

	@BeforeEach
	void reset() {
		google.reset();
	}

	@AfterAll
	static void stop() {
		google.close();
	}

	CalendarMirror mirror() {
		GoogleCalendar calendar = GoogleCalendarFactory.create(google.properties());
		OwnCalendarEvents own = new OwnCalendarEvents(calendar, ZoneId.of("Europe/London"));
		return new CalendarMirror(new MirrorSync(calendar, own),
				new CalendarMirrorProperties(true, Duration.ofSeconds(10), Duration.ofSeconds(60)), Duration.ofDays(92),
				Clock.fixed(NOW, ZoneOffset.UTC), event -> announced.add((CalendarBusyChanged) event));
	}

	@Test
	void aFullSyncReadsEveryPageAndKeepsOnlyTheOwnersBusyEvents() {
		stubFull();

		mirror.syncNow();

		assertThat(busy()).containsExactly(period("10:00", "10:30"), period("14:00", "15:00"));
		assertThat(announced).hasSize(1);
		assertThat(announced.get(0).periods()).containsExactlyInAnyOrder(period("10:00", "10:30"),
				period("14:00", "15:00"));
		assertThat(google.server
			.findAll(getRequestedFor(FakeGoogle.eventsUrl()).withQueryParam("singleEvents", equalTo("true"))
				.withQueryParam("timeMin", equalTo("2026-11-29T08:00:00.000Z"))
				.withQueryParam("timeMax", equalTo("2027-03-04T08:00:00.000Z"))))
			.hasSize(2);
	}

	@Test
	void anIncrementalSyncSendsTheTokenWithoutAWindowAndAppliesEveryPage() {
		stubFull();
		mirror.syncNow();
		announced.clear();
		stub(list("s1", null).withQueryParam("pageToken", absent()),
				page("q2", null, "{\"id\": \"owner-a\", \"status\": \"cancelled\"}"));
		stub(list("s1", "q2"), page(null, "s2", event("owner-c", "16:00", "16:30", ""),
				event("owner-b", "14:00", "15:00", ", \"transparency\": \"transparent\"")));

		mirror.syncNow();

		assertThat(busy()).containsExactly(period("16:00", "16:30"));
		assertThat(announced.get(0).periods()).containsExactlyInAnyOrder(period("10:00", "10:30"),
				period("14:00", "15:00"), period("16:00", "16:30"));
		assertThat(
				google.server.findAll(getRequestedFor(FakeGoogle.eventsUrl()).withQueryParam("syncToken", equalTo("s1"))
					.withQueryParam("singleEvents", equalTo("true"))
					.withQueryParam("timeMin", absent())
					.withQueryParam("timeMax", absent())))
			.hasSize(2);
	}

	@Test
	void aFailedPageLeavesTheMirrorAsItWas() {
		stubFull();
		mirror.syncNow();
		stub(list("s1", null).withQueryParam("pageToken", absent()),
				page("q2", null, "{\"id\": \"owner-a\", \"status\": \"cancelled\"}"));
		stub(list("s1", "q2"), FakeGoogle.backendError());

		assertThatThrownBy(mirror::syncNow).isInstanceOf(CalendarUnavailable.class).hasMessageContaining("500");

		assertThat(busy()).containsExactly(period("10:00", "10:30"), period("14:00", "15:00"));
	}

	@Test
	void readsNothingBeforeTheFirstSyncNorOutsideItsWindow() {
		assertThat(mirror.besidesBookings(NOW, NOW.plus(Duration.ofDays(1)))).isEmpty();
		stubFull();
		mirror.syncNow();

		assertThat(mirror.besidesBookings(NOW.minus(Duration.ofDays(3)), NOW)).isEmpty();
		assertThat(mirror.besidesBookings(NOW, NOW.plus(Duration.ofDays(120)))).isEmpty();
		assertThat(mirror.besidesBookings(NOW, NOW.plus(Duration.ofDays(90)))).isPresent();
	}

	private void stubFull() {
		stub(get(FakeGoogle.eventsUrl()).atPriority(2)
			.withQueryParam("syncToken", absent())
			.withQueryParam("pageToken", absent()),
				page("p2", null, event("owner-a", "10:00", "10:30", ""), event("booked", "11:00", "11:30",
						", \"extendedProperties\": {\"private\": {\"bookingId\": \"b\"}}")));
		stub(get(FakeGoogle.eventsUrl()).atPriority(2)
			.withQueryParam("syncToken", absent())
			.withQueryParam("pageToken", equalTo("p2")), page(null, "s1", event("owner-b", "14:00", "15:00", "")));
	}

	private void stub(MappingBuilder request, ResponseDefinitionBuilder answer) {
		google.stub(request.willReturn(answer));
	}

	private static MappingBuilder list(String syncToken, String pageToken) {
		MappingBuilder request = get(FakeGoogle.eventsUrl()).atPriority(1)
			.withQueryParam("syncToken", equalTo(syncToken));
		return pageToken == null ? request : request.withQueryParam("pageToken", equalTo(pageToken));
	}

	private List<BusyPeriod> busy() {
		return mirror.besidesBookings(NOW, NOW.plus(Duration.ofDays(1))).orElseThrow();
	}

	private static BusyPeriod period(String start, String end) {
		return new BusyPeriod(Instant.parse("2026-12-01T" + start + ":00Z"),
				Instant.parse("2026-12-01T" + end + ":00Z"));
	}

	private static String event(String id, String start, String end, String extra) {
		return """
				{"kind": "calendar#event", "id": "%s", "status": "confirmed",
				 "start": {"dateTime": "2026-12-01T%s:00Z"}, "end": {"dateTime": "2026-12-01T%s:00Z"}%s}"""
			.formatted(id, start, end, extra);
	}

	private static ResponseDefinitionBuilder page(String nextPageToken, String nextSyncToken, String... items) {
		return okJson("{\"kind\": \"calendar#events\", \"items\": [" + String.join(",", items) + "]"
				+ (nextPageToken != null ? ", \"nextPageToken\": \"" + nextPageToken + "\"" : "")
				+ (nextSyncToken != null ? ", \"nextSyncToken\": \"" + nextSyncToken + "\"" : "") + "}");
	}

}
