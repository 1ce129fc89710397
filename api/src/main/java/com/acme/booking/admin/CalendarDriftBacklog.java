package com.acme.booking.admin;

import java.time.Clock;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code booking_calendar_drift_open}: confirmed bookings not yet over whose event the
 * business's owner moved or deleted in Google, kept for an operator
 * ({@code booking.calendar.owner-changes=flag}), read from PostgreSQL when Prometheus
 * scrapes. Above zero means someone should settle them: see the
 * {@code BookingCalendarDrift} alert.
 */
@Component
class CalendarDriftBacklog implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarDriftBacklog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("booking.calendar.drift.open", () -> jdbc.sql("""
				SELECT count(*) FROM booking
				WHERE (calendar_drift_start IS NOT NULL OR calendar_drift_deleted) AND status <> 'CANCELLED'
				  AND end_time > ?""").param(OffsetDateTime.now(clock)).query(Long.class).single())
			.description("Upcoming bookings whose event the owner moved or deleted in Google, left for an operator")
			.register(registry);
	}

}
