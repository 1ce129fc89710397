package com.acme.booking.core;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.acme.booking.DatabaseSlice;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * V8 moves each integration's sync columns of {@code booking} into {@code booking_sync}
 * rows, with their data, in a schema of its own migrated to V7 first.
 */
@DatabaseSlice
class BookingSyncMigrationTest {

	private static final String SCHEMA = "v8_migration";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropSchema() {
		jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
	}

	@Test
	void movesEveryIntegrationsStateIntoARowOfItsOwnAndDropsTheColumns() {
		migrate("7");
		jdbc.sql("""
				INSERT INTO v8_migration.booking (id, status, name, email, start_time, end_time, time_zone, blocked,
				       revision, calendar_event_id, calendar_synced, calendar_synced_revision,
				       requires_manual_crm_sync, crm_sync_error, crm_synced_revision,
				       mail_synced, mail_synced_revision, created_at, updated_at)
				VALUES ('00000000-0000-0000-0000-000000000001', 'CONFIRMED', 'Ann', 'ann@example.com',
				        '2030-03-06T10:00:00Z', '2030-03-06T10:30:00Z', 'Europe/London',
				        tstzrange('2030-03-06T09:55:00Z', '2030-03-06T10:35:00Z', '[)'),
				        3, 'event1', true, 3, true, 'HubSpot said 401', 2, false, 1, now(), now())""").update();

		migrate("8");

		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT integration, synced_revision, pushed, manual, error FROM v8_migration.booking_sync
				ORDER BY integration""").query().listOfRows();
		assertThat(rows)
			.extracting(row -> row.get("integration"), row -> row.get("synced_revision"), row -> row.get("pushed"),
					row -> row.get("manual"), row -> row.get("error"))
			.containsExactly(tuple("CALENDAR", 3L, true, false, null),
					tuple("CRM", 2L, false, true, "HubSpot said 401"), tuple("MAIL", 1L, false, false, null));
		assertThat(jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = 'v8_migration' AND table_name = 'booking'""").query(String.class).list())
			.contains("calendar_event_id", "crm_contact_id", "crm_meeting_id")
			.noneMatch(column -> column.contains("synced") || column.contains("sync_error")
					|| column.startsWith("requires_manual") || column.equals("sync_unfinished"));
	}

	private void migrate(String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

}
