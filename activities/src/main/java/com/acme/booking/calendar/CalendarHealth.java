package com.acme.booking.calendar;

import com.acme.booking.sync.HealthReport;
import com.acme.booking.sync.IntegrationHealth;

/**
 * {@code /api/health/calendar}: reads the calendar's metadata (one cheap, real call) and reports how long it took,
 * what went wrong and the circuit breaker's state.
 */
class CalendarHealth implements IntegrationHealth {

	private final GoogleCalendar calendar;

	/** @param calendar null when the integration is disabled */
	CalendarHealth(GoogleCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public String name() {
		return "calendar";
	}

	@Override
	public HealthReport check() {
		if (calendar == null) {
			return HealthReport.disabled();
		}
		String circuit = calendar.circuitBreaker().getState().name();
		long started = System.nanoTime();
		try {
			calendar.calendarUnguarded();
			return new HealthReport("UP", elapsedMillis(started), null, circuit);
		}
		catch (Exception ex) {
			return new HealthReport("DOWN", elapsedMillis(started), CalendarFailures.describe(ex), circuit);
		}
	}

	private static long elapsedMillis(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

}
