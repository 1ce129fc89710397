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
		return HealthReport.probe(calendar::calendarUnguarded, CalendarFailures::describe,
				calendar.circuitBreaker().getState().name());
	}

}
