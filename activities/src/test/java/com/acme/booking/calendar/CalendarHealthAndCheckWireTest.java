package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.acme.booking.probe.IntegrationCheck.CheckReport;
import com.acme.booking.probe.ProbedHealthIndicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health endpoint's calendar part and the {@code --check-integrations} report,
 * against the fake Google.
 */
class CalendarHealthAndCheckWireTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

	static FakeGoogle google;

	@BeforeAll
	static void start() {
		google = new FakeGoogle();
	}

	@AfterAll
	static void stop() {
		google.close();
	}

	@BeforeEach
	void reset() {
		google.reset();
	}

	@Test
	void healthIsUpWhenTheCalendarCanBeRead() {
		stubCalendar();

		Health report = probed(GoogleCalendarFactory.create(google.properties()));

		assertThat(report.getStatus()).isEqualTo(Status.UP);
		assertThat(report.getDetails()).doesNotContainKey("error")
			.containsEntry("circuitBreaker", "CLOSED")
			.containsEntry("checkedAt", CLOCK.instant().toString())
			.containsKey("responseTimeMs");
	}

	@Test
	void healthIsDownWithGooglesReasonWhenTheCalendarIsNotShared() {
		google.stub(get(urlPathEqualTo(FakeGoogle.calendarPath())).willReturn(FakeGoogle.notFound()));

		Health report = probed(GoogleCalendarFactory.create(google.properties()));

		assertThat(report.getStatus()).isEqualTo(Status.DOWN);
		assertThat(report.getDetails()).containsEntry("error", "404 notFound: Not Found");
	}

	@Test
	void healthShowsAnOpenCircuit() {
		stubCalendar();
		GoogleCalendar calendar = GoogleCalendarFactory.create(google.properties());
		calendar.circuitBreaker().transitionToOpenState();

		assertThat(probed(calendar).getDetails()).containsEntry("circuitBreaker", "OPEN");
	}

	@Test
	void healthAndCheckSayDisabledWithoutTheIntegration() {
		assertThat(probed(null).getStatus()).isEqualTo(ProbedHealthIndicator.DISABLED);
		CheckReport report = new CalendarCheck(null, CLOCK).verify();
		assertThat(report.ok()).isTrue();
		assertThat(report.lines()).singleElement().asString().contains("disabled");
	}

	@Test
	void checkProvesTokenCalendarAndBusyTimes() {
		stubCalendar();
		google.stub(post(urlPathEqualTo("/calendar/v3/freeBusy")).willReturn(CalendarBusyTimesWireTest.answer("")));

		CheckReport report = new CalendarCheck(GoogleCalendarFactory.create(google.properties()), CLOCK).verify();

		assertThat(report.ok()).isTrue();
		assertThat(String.join("\n", report.lines())).contains(FakeGoogle.CLIENT_EMAIL)
			.contains("access token obtained")
			.contains("\"Bookings\", time zone Europe/London")
			.contains("0 busy periods")
			.doesNotContain("PRIVATE KEY");
	}

	@Test
	void checkStopsAtARefusedKeyAndSaysWhatToDo() {
		google.server.stubFor(post("/token").atPriority(1)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));

		CheckReport report = new CalendarCheck(GoogleCalendarFactory.create(google.properties()), CLOCK).verify();

		assertThat(report.ok()).isFalse();
		assertThat(String.join("\n", report.lines())).contains("access token FAILED")
			.contains("Create a new JSON key")
			.doesNotContain("calendar metadata");
	}

	@Test
	void checkReportsACalendarNotSharedWithTheServiceAccount() {
		google.stub(get(urlPathEqualTo(FakeGoogle.calendarPath())).willReturn(FakeGoogle.notFound()));

		CheckReport report = new CalendarCheck(GoogleCalendarFactory.create(google.properties()), CLOCK).verify();

		assertThat(report.ok()).isFalse();
		assertThat(String.join("\n", report.lines())).contains("calendar metadata FAILED")
			.contains("shared with " + FakeGoogle.CLIENT_EMAIL);
	}

	@Test
	void healthServesTheLastProbeWithoutCallingGoogle() {
		stubCalendar();
		CalendarHealthIndicator indicator = new CalendarHealthIndicator(
				GoogleCalendarFactory.create(google.properties()), CLOCK);
		assertThat(indicator.health().getStatus()).as("before the first probe").isEqualTo(Status.UNKNOWN);
		indicator.probe();
		int calls = google.server.getAllServeEvents().size();

		for (int i = 0; i < 5; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}

		assertThat(google.server.getAllServeEvents()).hasSize(calls);
	}

	private static Health probed(GoogleCalendar calendar) {
		CalendarHealthIndicator indicator = new CalendarHealthIndicator(calendar, CLOCK);
		indicator.probe();
		return indicator.health();
	}

	private static void stubCalendar() {
		google.stub(get(urlPathEqualTo(FakeGoogle.calendarPath())).willReturn(
				okJson("""
						{"kind": "calendar#calendar", "etag": "\\"1\\"", "id": "%s", "summary": "Bookings",
						 "timeZone": "Europe/London", "conferenceProperties": {"allowedConferenceSolutionTypes": ["hangoutsMeet"]}}"""
					.formatted(FakeGoogle.CALENDAR_ID))));
	}

}
