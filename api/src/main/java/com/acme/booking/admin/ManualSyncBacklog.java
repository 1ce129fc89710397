package com.acme.booking.admin;

import java.util.Locale;

import com.acme.booking.workflow.Integration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code booking_sync_manual_backlog{integration}}: bookings flagged for manual sync of
 * each integration ({@code calendar}, {@code crm}, {@code mail}), read from PostgreSQL
 * (the source of truth, whichever worker flagged them) when Prometheus scrapes. Above
 * zero for long means an operator is needed: see the {@code BookingManualSyncBacklog}
 * alert.
 */
@Component
class ManualSyncBacklog implements MeterBinder {

	private final JdbcClient jdbc;

	ManualSyncBacklog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Integration integration : Integration.values()) {
			Gauge
				.builder("booking.sync.manual.backlog",
						() -> jdbc.sql("SELECT count(*) FROM booking_sync WHERE manual AND integration = ?")
							.param(integration.name())
							.query(Long.class)
							.single())
				.description("Bookings waiting for an operator to retry their sync")
				.tag("integration", integration.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

}
