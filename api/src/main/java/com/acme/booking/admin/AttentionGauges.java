package com.acme.booking.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bookings that need a person now, read from PostgreSQL (the source of truth, whichever worker flagged them) when
 * Prometheus scrapes: {@code booking_sync_manual_backlog{integration}}, flagged for manual sync (the
 * {@code BookingManualSyncBacklog} alert), and {@code booking_calendar_conflicts_open}, upcoming confirmed bookings
 * that overlap a busy time of the business's own calendar ({@code BookingCalendarConflicts}).
 */
@Component
class AttentionGauges implements MeterBinder {

	private final JdbcClient jdbc;

	AttentionGauges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "booking.sync.manual.backlog", "Bookings waiting for an operator to retry their sync",
				"SELECT count(*) FROM booking WHERE requires_manual_calendar_sync", "integration", "calendar");
		gauge(registry, "booking.sync.manual.backlog", "Bookings waiting for an operator to retry their sync",
				"SELECT count(*) FROM booking WHERE requires_manual_crm_sync", "integration", "crm");
		gauge(registry, "booking.calendar.conflicts.open",
				"Upcoming confirmed bookings overlapping a busy time of the business's calendar",
				"SELECT count(*) FROM booking WHERE calendar_conflict_start IS NOT NULL AND status <> 'CANCELLED' "
						+ "AND end_time > now()");
	}

	private void gauge(MeterRegistry registry, String name, String description, String sql, String... tags) {
		Gauge.builder(name, () -> jdbc.sql(sql).query(Long.class).single())
			.description(description)
			.tags(tags)
			.register(registry);
	}

}
