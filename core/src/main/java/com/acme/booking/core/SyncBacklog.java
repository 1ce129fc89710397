package com.acme.booking.core;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.acme.booking.workflow.Integration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bookings the service still owes the outside systems, read in pages by a keyset
 * cursor (the id), so that any number of them is walked through without OFFSET and
 * without holding them all: for the reconciler those whose synced revision is behind, for
 * operators those flagged for manual sync. Every question is asked over all integrations
 * at once ({@code booking_sync}, a row per booking and integration; a missing row is an
 * integration with nothing recorded yet).
 */
@Repository
public class SyncBacklog {

	/**
	 * Behind and not merely waiting for an operator: some integration has not pushed the
	 * current revision and is not flagged.
	 */
	private static final String BEHIND = """
			EXISTS (SELECT 1 FROM unnest(CAST(? AS varchar[])) AS i(integration)
			        LEFT JOIN booking_sync s ON s.booking_id = b.id AND s.integration = i.integration
			        WHERE COALESCE(s.synced_revision, 0) < b.revision AND NOT COALESCE(s.manual, false))""";

	/** Nothing was ever recorded as synced for the booking. */
	private static final String NEVER_SYNCED = """
			NOT EXISTS (SELECT 1 FROM booking_sync s WHERE s.booking_id = b.id AND s.synced_revision > 0)""";

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
		return jdbc
			.sql("SELECT b.id, b.revision, b.status FROM booking b WHERE " + BEHIND + " AND (" + NEVER_SYNCED + ") = ?"
					+ """
							  AND (CAST(? AS uuid) IS NULL OR b.id > CAST(? AS uuid))
							ORDER BY b.id
							LIMIT ?""")
			.params(BookingRepository.INTEGRATIONS, neverSynced, after, after, limit)
			.query((rs, row) -> new Behind(rs.getObject("id", UUID.class), rs.getLong("revision"),
					BookingStatus.PENDING_VERIFICATION.name().equals(rs.getString("status"))))
			.list();
	}

	/**
	 * One page of the bookings flagged for manual sync of any of {@code integrations}, by
	 * id.
	 */
	public List<Booking> flagged(Set<Integration> integrations, UUID after, int limit) {
		return jdbc.sql(BookingRepository.SELECT + """
				WHERE EXISTS (SELECT 1 FROM booking_sync s
				              WHERE s.booking_id = b.id AND s.manual AND s.integration = ANY (CAST(? AS varchar[])))
				  AND (CAST(? AS uuid) IS NULL OR b.id > CAST(? AS uuid))
				ORDER BY b.id
				LIMIT ?""")
			.params(BookingRepository.names(integrations), after, after, limit)
			.query(BookingRepository::map)
			.list();
	}

}
