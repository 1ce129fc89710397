package com.acme.booking.support;

import java.util.UUID;

import com.acme.booking.workflow.Integration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@code booking_sync} says of a booking, read straight from PostgreSQL. */
public final class SyncedRevisions {

	private SyncedRevisions() {
	}

	/** The last revision {@code integration} finished for; 0 when none. */
	public static long of(JdbcClient jdbc, UUID id, Integration integration) {
		return jdbc
			.sql("""
					SELECT COALESCE((SELECT synced_revision FROM booking_sync WHERE booking_id = ? AND integration = ?), 0)""")
			.params(id, integration.name())
			.query(Long.class)
			.single();
	}

	/** The lowest of the calendar's and the CRM's synced revisions. */
	public static long calendarAndCrm(JdbcClient jdbc, UUID id) {
		return Math.min(of(jdbc, id, Integration.CALENDAR), of(jdbc, id, Integration.CRM));
	}

	/** Every one of {@code integrations} finished the booking's current revision. */
	public static boolean caughtUp(JdbcClient jdbc, UUID id, Integration... integrations) {
		long revision = jdbc.sql("SELECT revision FROM booking WHERE id = ?").param(id).query(Long.class).single();
		for (Integration integration : integrations) {
			if (of(jdbc, id, integration) != revision) {
				return false;
			}
		}
		return true;
	}

}
