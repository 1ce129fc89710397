package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.acme.booking.probe.IntegrationCheck;
import com.google.api.services.calendar.model.Calendar;
import io.temporal.failure.ApplicationFailure;

/**
 * {@code --check-integrations}: proves the credentials against the real API, step by
 * step, so the first failing step tells the operator what to fix: token, calendar access,
 * free/busy.
 */
class CalendarCheck implements IntegrationCheck {

	private final GoogleCalendar calendar;

	private final Clock clock;

	/**
	 * @param calendar null when the integration is disabled
	 */
	CalendarCheck(GoogleCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "calendar";
	}

	@Override
	public CheckReport verify() {
		if (calendar == null) {
			return new CheckReport(true,
					List.of("calendar: disabled (booking.calendar.enabled=false), nothing checked"));
		}
		CalendarProperties properties = calendar.properties();
		List<String> lines = new ArrayList<>();
		lines.add("calendar: service account " + calendar.serviceAccountEmail() + ", calendar "
				+ properties.calendarId() + ", API " + properties.rootUrl());
		lines
			.add(properties.invitesAttendees()
					? "calendar: acting as " + properties.delegatedUser() + ", customers invited (send-updates "
							+ properties.sendUpdates().wireValue() + ")"
					: "calendar: customers not invited as attendees");
		boolean ok = step(lines, "access token", () -> {
			calendar.refreshToken();
			return "obtained";
		}) && step(lines, "calendar metadata", () -> {
			Calendar found = calendar.calendarUnguarded();
			return "readable: \"" + found.getSummary() + "\", time zone " + found.getTimeZone();
		}) && step(lines, "busy times", () -> {
			Instant now = clock.instant();
			int count = new GoogleBusyTimes(calendar, null).between(now, now.plus(Duration.ofDays(1))).size();
			return "readable (" + count + " busy periods in the next 24 hours)";
		}) && step(lines, "events", () -> {
			// The sync lists events before each write to find clashes with the owner's
			// own events.
			Instant now = clock.instant();
			new OwnCalendarEvents(calendar, ZoneOffset.UTC).busy(now, now.plus(Duration.ofDays(1)), null);
			return "readable";
		});
		lines.add(ok ? "calendar: OK (write access is proven by the first booking's sync)" : "calendar: FAILED");
		return new CheckReport(ok, List.copyOf(lines));
	}

	private boolean step(List<String> lines, String what, Step step) {
		try {
			lines.add("calendar: " + what + " " + step.run());
			return true;
		}
		catch (Exception ex) {
			Exception cause = ex instanceof CalendarUnavailable && ex.getCause() instanceof Exception c ? c : ex;
			lines.add("calendar: " + what + " FAILED: " + hint(cause));
			return false;
		}
	}

	/**
	 * The same operator advice the sync gives, so one message means one fix everywhere.
	 */
	private String hint(Exception error) {
		RuntimeException failure = new CalendarFailures(clock, calendar.properties(), calendar.serviceAccountEmail())
			.toFailure(error);
		if (failure instanceof ApplicationFailure app) {
			return app.getOriginalMessage();
		}
		return CalendarFailures.describe(error);
	}

	@FunctionalInterface
	private interface Step {

		String run() throws Exception;

	}

}
