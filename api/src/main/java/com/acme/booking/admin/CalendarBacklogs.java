package com.acme.booking.admin;

import java.time.Clock;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calendar's work for operators, read from PostgreSQL when Prometheus scrapes
 * (whichever worker or mirror found it), counting confirmed bookings not yet over. "Over"
 * is decided by the service's clock, as everywhere else, not by the database's.
 * <ul>
 * <li>{@code booking_calendar_conflicts_open}: bookings that overlap a busy time of the
 * business's own calendar; someone should move or cancel one (the
 * {@code BookingCalendarConflict} alert).</li>
 * <li>{@code booking_calendar_drift_open}: bookings whose event the owner moved or
 * deleted in Google, kept for an operator with
 * {@code booking.calendar.owner-changes=flag} (the {@code BookingCalendarDrift}
 * alert).</li>
 * </ul>
 */
@Component
class CalendarBacklogs implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarBacklogs(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		upcoming(registry, "booking.calendar.conflicts.open", "calendar_conflict_start IS NOT NULL",
				"Upcoming bookings that overlap a busy time of the business's own calendar");
		upcoming(registry, "booking.calendar.drift.open",
				"(calendar_drift_start IS NOT NULL OR calendar_drift_deleted)",
				"Upcoming bookings whose event the owner moved or deleted in Google, left for an operator");
	}

	private void upcoming(MeterRegistry registry, String name, String condition, String description) {
		String count = "SELECT count(*) FROM booking WHERE " + condition
				+ " AND status <> 'CANCELLED' AND end_time > ?";
		Gauge.builder(name, () -> jdbc.sql(count).param(OffsetDateTime.now(clock)).query(Long.class).single())
			.description(description)
			.register(registry);
	}

}
