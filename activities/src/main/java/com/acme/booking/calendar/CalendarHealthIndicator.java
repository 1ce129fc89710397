package com.acme.booking.calendar;

import java.time.Clock;

import com.acme.booking.probe.ProbedHealthIndicator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * {@code /api/health/calendar}: the last probe's reading of the calendar's metadata (one
 * cheap, real call), with the circuit breaker's state beside it.
 */
class CalendarHealthIndicator extends ProbedHealthIndicator {

	private final GoogleCalendar calendar;

	/**
	 * @param calendar null when the integration is disabled
	 */
	CalendarHealthIndicator(GoogleCalendar calendar, Clock clock) {
		super(clock);
		this.calendar = calendar;
	}

	@Override
	protected boolean enabled() {
		return calendar != null;
	}

	@Override
	protected void call() throws Exception {
		calendar.calendarUnguarded();
	}

	@Override
	protected String describe(Exception error) {
		return CalendarFailures.describe(error);
	}

	@Override
	protected CircuitBreaker circuitBreaker() {
		return calendar.circuitBreaker();
	}

}
