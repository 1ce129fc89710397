package com.acme.booking.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code booking_sync_manual_backlog{integration}}: bookings flagged for manual sync,
 * read from PostgreSQL (the source of truth, whichever worker flagged them) when
 * Prometheus scrapes. Above zero for long means an operator is needed: see the
 * {@code ManualSyncBacklog} alert.
 */
@Component
class ManualSyncBacklog implements MeterBinder {

	private final JdbcClient jdbc;

	ManualSyncBacklog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "calendar", "SELECT count(*) FROM booking WHERE requires_manual_calendar_sync");
		gauge(registry, "crm", "SELECT count(*) FROM booking WHERE requires_manual_crm_sync");
	}

	private void gauge(MeterRegistry registry, String integration, String sql) {
		Gauge.builder("booking.sync.manual.backlog", () -> jdbc.sql(sql).query(Long.class).single())
			.description("Bookings waiting for an operator to retry their sync")
			.tag("integration", integration)
			.register(registry);
	}

}
