package com.acme.booking.admin;

import java.time.Clock;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code booking_calendar_conflicts_open}: confirmed bookings not yet over that overlap a
 * busy time of the business's own calendar, read from PostgreSQL when Prometheus scrapes
 * (whichever worker found the clash). Above zero means someone should move or cancel a
 * booking: see the {@code BookingCalendarConflict} alert. "Over" is decided by the
 * service's clock, as everywhere else, not by the database's.
 */
@Component
class CalendarConflictBacklog implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarConflictBacklog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge
			.builder("booking.calendar.conflicts.open",
					() -> jdbc.sql("""
							SELECT count(*) FROM booking
							WHERE calendar_conflict_start IS NOT NULL AND status <> 'CANCELLED' AND end_time > ?""")
						.param(OffsetDateTime.now(clock))
						.query(Long.class)
						.single())
			.description("Upcoming bookings that overlap a busy time of the business's own calendar")
			.register(registry);
	}

}
