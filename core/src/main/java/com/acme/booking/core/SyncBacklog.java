package com.acme.booking.core;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bookings the service still owes the outside systems, read in pages by a keyset
 * cursor (the id), so that any number of them is walked through without OFFSET and
 * without holding them all: for the reconciler those whose synced revision is behind, for
 * operators those flagged for manual sync.
 */
@Repository
public class SyncBacklog {

	/**
	 * Behind and not merely waiting for an operator: some integration has not pushed the
	 * current revision and is not flagged. V2's partial index
	 * {@code booking_sync_behind_idx} has the same predicate.
	 */
	private static final String BEHIND = """
			((calendar_synced_revision < revision AND NOT requires_manual_calendar_sync)
			  OR (crm_synced_revision < revision AND NOT requires_manual_crm_sync))""";

	private final JdbcClient jdbc;

	public SyncBacklog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A booking whose synced revisions are behind its revision.
	 *
	 * @param held the booking is held for email verification: its workflow waits for the
	 * customer (or the end of the hold) and has nothing to push before
	 */
	public record Behind(UUID id, long revision, boolean held) {

		public Behind(UUID id, long revision) {
			this(id, revision, false);
		}

	}

	/**
	 * One page of the bookings behind, ordered by id after {@code after} (null for the
	 * first page).
	 * @param neverSynced true for those nothing was ever recorded for (their workflow
	 * most likely never started), false for the others
	 */
	public List<Behind> behind(boolean neverSynced, UUID after, int limit) {
		return jdbc.sql("SELECT id, revision, status FROM booking WHERE " + BEHIND + """
				  AND ((calendar_synced_revision = 0 AND crm_synced_revision = 0) = ?)
				  AND (CAST(? AS uuid) IS NULL OR id > CAST(? AS uuid))
				ORDER BY id
				LIMIT ?""")
			.params(neverSynced, after, after, limit)
			.query((rs, row) -> new Behind(rs.getObject("id", UUID.class), rs.getLong("revision"),
					BookingStatus.PENDING_VERIFICATION.name().equals(rs.getString("status"))))
			.list();
	}

	/**
	 * One page of the bookings flagged for manual sync of {@code integration} (null: of
	 * either), by id.
	 */
	public List<Booking> flagged(Integration integration, UUID after, int limit) {
		String which = integration == null ? null : integration.name();
		return jdbc.sql("""
				SELECT * FROM booking
				WHERE CASE CAST(? AS text) WHEN 'CALENDAR' THEN requires_manual_calendar_sync
				                           WHEN 'CRM' THEN requires_manual_crm_sync
				                           ELSE requires_manual_calendar_sync OR requires_manual_crm_sync END
				  AND (CAST(? AS uuid) IS NULL OR id > CAST(? AS uuid))
				ORDER BY id
				LIMIT ?""").params(which, after, after, limit).query(BookingRepository::map).list();
	}

	/**
	 * Clears the manual-sync flag of {@code integration} (null: both) before an
	 * operator's retry.
	 */
	public void clearManualSync(UUID id, Integration integration) {
		String which = integration == null ? null : integration.name();
		jdbc.sql(
				"""
						UPDATE booking SET
						  requires_manual_calendar_sync = requires_manual_calendar_sync AND COALESCE(CAST(? AS text) = 'CRM', false),
						  calendar_sync_error = CASE WHEN CAST(? AS text) = 'CRM' THEN calendar_sync_error END,
						  requires_manual_crm_sync = requires_manual_crm_sync AND COALESCE(CAST(? AS text) = 'CALENDAR', false),
						  crm_sync_error = CASE WHEN CAST(? AS text) = 'CALENDAR' THEN crm_sync_error END
						WHERE id = ?""")
			.params(which, which, which, which, id)
			.update();
	}

}
