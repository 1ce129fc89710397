package com.acme.booking.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Busy times from Google's free/busy query, on the wire. */
class CalendarBusyTimesWireTest {

	static final String FREE_BUSY = "/calendar/v3/freeBusy";

	static FakeGoogle google;

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
		busyTimes = new GoogleBusyTimes(calendar, new OwnCalendarEvents(calendar, ZoneId.of("Europe/London")));
	}

	@Test
	void readsAndMergesTheBusyPeriodsOfTheBusinessCalendar() {
		google.stub(post(urlPathEqualTo(FREE_BUSY)).willReturn(answer("""
				{"start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z"},
				{"start": "2026-12-01T09:30:00Z", "end": "2026-12-01T11:00:00Z"},
				{"start": "2026-12-01T11:00:00Z", "end": "2026-12-01T11:30:00Z"},
				{"start": "2026-12-01T14:00:00+01:00", "end": "2026-12-01T15:00:00+01:00"}""")));

		List<BusyPeriod> busy = busyTimes.between(Instant.parse("2026-12-01T00:00:00Z"),
				Instant.parse("2026-12-02T00:00:00Z"));

		assertThat(busy).containsExactly(
				new BusyPeriod(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T11:30:00Z")),
				new BusyPeriod(Instant.parse("2026-12-01T13:00:00Z"), Instant.parse("2026-12-01T14:00:00Z")));
		google.server.verify(1,
				postRequestedFor(urlPathEqualTo(FREE_BUSY))
					.withRequestBody(matchingJsonPath("$.items[0].id", equalTo(FakeGoogle.CALENDAR_ID)))
					.withRequestBody(matchingJsonPath("$.timeMin", equalTo("2026-12-01T00:00:00.000Z")))
					.withRequestBody(matchingJsonPath("$.timeMax", equalTo("2026-12-02T00:00:00.000Z"))));
	}

	@Test
	void splitsARangeLongerThanOneQueryAndJoinsPeriodsAcrossTheSeam() {
		Instant from = Instant.parse("2026-12-01T00:00:00Z");
		Instant seam = from.plus(BusyWindows.MAX_WINDOW);
		google.stub(post(urlPathEqualTo(FREE_BUSY))
			.withRequestBody(matchingJsonPath("$.timeMin", equalTo("2026-12-01T00:00:00.000Z")))
			.willReturn(answer("{\"start\": \"2026-12-30T22:00:00Z\", \"end\": \"2026-12-31T00:00:00Z\"}")));
		google.stub(post(urlPathEqualTo(FREE_BUSY))
			.withRequestBody(matchingJsonPath("$.timeMin", equalTo("2026-12-31T00:00:00.000Z")))
			.willReturn(answer("{\"start\": \"2026-12-31T00:00:00Z\", \"end\": \"2026-12-31T01:00:00Z\"}")));

		List<BusyPeriod> busy = busyTimes.between(from, seam.plus(Duration.ofDays(10)));

		assertThat(busy).containsExactly(
				new BusyPeriod(Instant.parse("2026-12-30T22:00:00Z"), Instant.parse("2026-12-31T01:00:00Z")));
		google.server.verify(2, postRequestedFor(urlPathEqualTo(FREE_BUSY)));
	}

	@Test
	void aPerCalendarErrorInTheAnswerIsAnErrorNotAFreeCalendar() {
		google.stub(post(urlPathEqualTo(FREE_BUSY)).willReturn(
				okJson("""
						{"kind": "calendar#freeBusy", "timeMin": "2026-12-01T00:00:00.000Z", "timeMax": "2026-12-02T00:00:00.000Z",
						 "calendars": {"%s": {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []}}}"""
					.formatted(FakeGoogle.CALENDAR_ID))));

		assertThatThrownBy(
				() -> busyTimes.between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")))
			.isInstanceOf(CalendarUnavailable.class)
			.hasMessageContaining("notFound");
	}

	@Test
	void anHttpErrorIsAnError() {
		google.stub(post(urlPathEqualTo(FREE_BUSY)).willReturn(FakeGoogle.backendError()));

		assertThatThrownBy(
				() -> busyTimes.between(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")))
			.isInstanceOf(CalendarUnavailable.class)
			.hasMessageContaining("500 backendError");
	}

	static ResponseDefinitionBuilder answer(String busy) {
		return okJson(
				"""
						{"kind": "calendar#freeBusy", "timeMin": "2026-12-01T00:00:00.000Z", "timeMax": "2026-12-02T00:00:00.000Z",
						 "calendars": {"%s": {"busy": [%s]}}}"""
					.formatted(FakeGoogle.CALENDAR_ID, busy));
	}

}
