package com.acme.booking.core;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.acme.booking.workflow.Integration;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * All reads and writes of the {@code booking} table. Overlaps are refused by the table's
 * exclusion constraint, so a lost race surfaces here as {@link SlotTaken} whatever the
 * application checked before.
 */
@Repository
public class BookingRepository {

	/**
	 * The PostgreSQL {@code NOTIFY} channel on which the API instances tell each other to
	 * drop their slot caches; a payload is {@code "<sender> <what>"}, and {@code what}
	 * other than {@code busy:<date>} drops them all.
	 */
	public static final String CACHE_CHANNEL = "booking_cache";

	private static final String EXCLUSION_VIOLATION = "23P01";

	/**
	 * A booking's sync state, one row per integration in {@code booking_sync}, aggregated
	 * next to its row ({@code b}): a booking is read in one query.
	 */
	private static final String SYNC = """
			CROSS JOIN LATERAL (
			  SELECT array_agg(s.integration) AS sync_integrations, array_agg(s.synced_revision) AS sync_revisions,
			         array_agg(s.pushed) AS sync_pushed, array_agg(s.manual) AS sync_manual,
			         array_agg(s.error) AS sync_errors
			  FROM booking_sync s WHERE s.booking_id = b.id) sync
			""";

	/** Bookings ({@code b}) with their sync state; a WHERE clause may follow. */
	static final String SELECT = "SELECT b.*, sync.* FROM booking b " + SYNC;

	/** Every integration's name, for queries over all of them. */
	static final String[] INTEGRATIONS = names(List.of(Integration.values()));

	private final JdbcClient jdbc;

	/**
	 * A statement that returns booking rows ({@code RETURNING *}), answered with their
	 * sync state.
	 */
	private static String returning(String statement) {
		return "WITH b AS (" + statement + ") SELECT b.*, sync.* FROM b " + SYNC;
	}

	public BookingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a confirmed booking: one statement, one round trip, committed on its own
	 * (or with the caller's transaction). The database's
	 * {@code insert_booking_in_day_order} first takes a lock per UTC day the blocked
	 * range touches, so that inserts of overlapping rows queue instead of deadlocking in
	 * the exclusion constraint's check. Its {@code insert_booking} then counts the
	 * frequency limit and inserts the row under a transaction-scoped advisory lock keyed
	 * by the email address, so concurrent requests from one address cannot both pass it:
	 * under READ COMMITTED, the service's isolation, where the count's statement sees
	 * what was committed before the lock was granted.
	 */
	public Booking insert(UUID id, NewBooking booking, Duration buffer, FrequencyLimit limit, Instant now,
			ChangeSource source) {
		return insert(id, booking, buffer, limit, now, null, source);
	}

	/**
	 * Inserts a booking held as {@link BookingStatus#PENDING_VERIFICATION} until
	 * {@code now + window}, under the same rules as {@link #insert}: the hold blocks its
	 * slot and counts for the frequency limit.
	 */
	public Booking hold(UUID id, NewBooking booking, Duration buffer, FrequencyLimit limit, Instant now,
			Duration window, ChangeSource source) {
		return insert(id, booking, buffer, limit, now, now.plus(window), source);
	}

	/**
	 * The frequency limit counts every booking not cancelled, and every hold never
	 * confirmed even once it expired or was withdrawn: otherwise anyone could have
	 * verification emails sent to a stranger's address without end, one per hold.
	 */
	private Booking insert(UUID id, NewBooking booking, Duration buffer, FrequencyLimit limit, Instant now,
			Instant holdUntil, ChangeSource source) {
		Duration half = buffer.dividedBy(2);
		BookingStatus status = holdUntil == null ? BookingStatus.CONFIRMED : BookingStatus.PENDING_VERIFICATION;
		// The stored row comes back: no second round trip to read what was just written.
		// Every parameter has a type, nulls too (the hold's end as text): one of unknown
		// type would make the driver describe the statement, and a described statement
		// whose rows have no bounded size costs a round trip of its own before each
		// execution.
		return refuseOverlap(() -> jdbc
			.sql(returning(
					"SELECT * FROM insert_booking_in_day_order(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
			.params(id, status.name(), booking.name(), booking.email(), text(booking.company()), text(booking.phone()),
					text(booking.inquiry()), utc(booking.startTime()), utc(booking.endTime()), booking.timeZone(),
					utc(booking.startTime().minus(half)), utc(booking.endTime().plus(half)), utc(now),
					text(holdUntil == null ? null : holdUntil.toString()), source.name(),
					utc(now.minus(limit.window())), limit.maxBookings())
			.query(BookingRepository::map)
			.optional()
			.orElseThrow(() -> new FrequencyLimitReached(limit.maxBookings())));
	}

	public Optional<Booking> findById(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(BookingRepository::map).optional();
	}

	/**
	 * Applies a change and bumps the revision; the integrations are out of step until the
	 * workflow pushes it. One statement: what the change leaves out is kept from the row
	 * as it is when the UPDATE locks it.
	 * @throws BookingCancelled when the booking is cancelled (also when a cancel won a
	 * race with this change)
	 */
	public Optional<Booking> update(UUID id, BookingChange change, Duration buffer, Instant now, ChangeSource source) {
		Instant start = change.startTime();
		Instant end = change.endTime();
		Duration half = buffer.dividedBy(2);
		Optional<Booking> updated = refuseOverlap(() -> jdbc.sql(returning("""
				UPDATE booking SET start_time = COALESCE(?, start_time), end_time = COALESCE(?, end_time),
				       blocked = CASE WHEN ? THEN tstzrange(?, ?, '[)') ELSE blocked END,
				       start_moved_at = CASE WHEN start_time IS DISTINCT FROM COALESCE(?, start_time) THEN ?
				                             ELSE start_moved_at END,
				       owner_clash = CASE WHEN ? THEN false ELSE owner_clash END,
				       calendar_conflict_start = CASE WHEN ? THEN NULL ELSE calendar_conflict_start END,
				       calendar_conflict_end = CASE WHEN ? THEN NULL ELSE calendar_conflict_end END,
				       name = COALESCE(?, name),
				       company = CASE WHEN CAST(? AS text) IS NULL THEN company ELSE NULLIF(?, '') END,
				       phone = CASE WHEN CAST(? AS text) IS NULL THEN phone ELSE NULLIF(?, '') END,
				       inquiry = CASE WHEN CAST(? AS text) IS NULL THEN inquiry ELSE NULLIF(?, '') END,
				       revision = revision + 1, updated_at = ?, changed_by = ?
				WHERE id = ? AND status <> 'CANCELLED'
				RETURNING *"""))
			// Only a move re-computes the blocked range: a detail edit must not fail
			// because the buffer changed.
			// A move also drops the clash found at the old time; the sync of the new
			// revision looks again.
			// A move by the service's rules also puts a booking the owner placed on
			// another back under the exclusion constraint.
			.params(utc(start), utc(end), change.moves(), utc(start == null ? null : start.minus(half)),
					utc(end == null ? null : end.plus(half)), utc(start), utc(now), change.moves(), change.moves(),
					change.moves(), change.name(), change.company(), change.company(), change.phone(), change.phone(),
					change.inquiry(), change.inquiry(), utc(now), source.name(), id)
			.query(BookingRepository::map)
			.optional());
		if (updated.isEmpty()) {
			// Rare: no such booking, or a cancelled one. Only then a second read tells
			// which.
			findById(id).ifPresent(Booking::requireChangeable);
		}
		return updated;
	}

	/**
	 * The business's owner moved the booking's event in Google to {@code [start, end)}
	 * (with {@code booking.calendar.owner-changes=follow}): the booking follows, with no
	 * slot rule, and its revision is bumped like any reschedule. Only the move seen on
	 * the booking as it is ({@code seenRevision}, {@code seenStart}) applies, so a move
	 * seen twice (a poll and a full resync, two API instances) moves it once. The owner
	 * decided, so an overlap with another booking (buffer included) is kept, not refused:
	 * the other bookings' time is recorded as the clash ({@code calendarConflict}) and
	 * the row leaves the exclusion constraint until the booking is moved by the rules
	 * again.
	 * @return the moved booking; empty when the booking is not that (changed, cancelled,
	 * already moved)
	 */
	public Optional<Booking> moveByOwner(UUID id, long seenRevision, Instant seenStart, Instant start, Instant end,
			Duration buffer, Instant now) {
		try {
			return moveByOwner(id, seenRevision, seenStart, start, end, buffer, now, false);
		}
		catch (SlotTaken raced) {
			// A booking committed after this statement's snapshot took the time
			// meanwhile.
			return moveByOwner(id, seenRevision, seenStart, start, end, buffer, now, true);
		}
	}

	private Optional<Booking> moveByOwner(UUID id, long seenRevision, Instant seenStart, Instant start, Instant end,
			Duration buffer, Instant now, boolean clash) {
		Duration half = buffer.dividedBy(2);
		OffsetDateTime from = utc(start.minus(half));
		OffsetDateTime to = utc(end.plus(half));
		return refuseOverlap(() -> jdbc
			.sql(returning(
					"""
							UPDATE booking SET start_time = ?, end_time = ?, blocked = tstzrange(?, ?, '[)'), start_moved_at = ?,
							       owner_clash = c.clash OR ?, calendar_conflict_start = c.clash_start,
							       calendar_conflict_end = c.clash_end, calendar_drift_start = NULL, calendar_drift_end = NULL,
							       calendar_drift_deleted = false, revision = revision + 1, updated_at = ?, changed_by = 'CALENDAR_OWNER'
							FROM (SELECT count(*) > 0 AS clash, min(o.start_time) AS clash_start, max(o.end_time) AS clash_end
							      FROM booking o
							      WHERE o.id <> ? AND o.status <> 'CANCELLED' AND o.blocked && tstzrange(?, ?, '[)')) c
							WHERE booking.id = ? AND booking.revision = ? AND booking.start_time = ? AND booking.status = 'CONFIRMED'
							RETURNING booking.*"""))
			.params(utc(start), utc(end), from, to, utc(now), clash, utc(now), id, from, to, id, seenRevision,
					utc(seenStart))
			.query(BookingRepository::map)
			.optional());
	}

	/**
	 * The business's owner deleted the booking's event in Google (with
	 * {@code booking.calendar.owner-changes=follow}): the booking is cancelled like any
	 * cancellation, once, and only as it was seen ({@code seenRevision}).
	 * @return the cancelled booking; empty when the booking is not that (changed, already
	 * cancelled)
	 */
	public Optional<Booking> cancelByOwner(UUID id, long seenRevision, Instant now) {
		return jdbc
			.sql(returning(
					"""
							UPDATE booking SET status = 'CANCELLED', revision = revision + 1, updated_at = ?, changed_by = 'CALENDAR_OWNER',
							       calendar_conflict_start = NULL, calendar_conflict_end = NULL,
							       calendar_drift_start = NULL, calendar_drift_end = NULL, calendar_drift_deleted = false
							WHERE id = ? AND revision = ? AND status = 'CONFIRMED'
							RETURNING *"""))
			.params(utc(now), id, seenRevision)
			.query(BookingRepository::map)
			.optional();
	}

	/**
	 * Keeps what the owner did to the booking's event (with
	 * {@code booking.calendar.owner-changes=flag}), or clears it ({@code drift} null: the
	 * owner put the event back); only on the booking as it was seen
	 * ({@code seenRevision}).
	 * @return true when this changed what was kept
	 */
	public boolean recordCalendarDrift(UUID id, long seenRevision, CalendarDrift drift) {
		OffsetDateTime start = drift == null ? null : utc(drift.start());
		OffsetDateTime end = drift == null ? null : utc(drift.end());
		boolean deleted = drift != null && drift.deleted();
		return jdbc.sql("""
				UPDATE booking SET calendar_drift_start = ?, calendar_drift_end = ?, calendar_drift_deleted = ?
				WHERE id = ? AND revision = ? AND status = 'CONFIRMED'
				  AND (calendar_drift_start IS DISTINCT FROM ? OR calendar_drift_end IS DISTINCT FROM ?
				       OR calendar_drift_deleted <> ?)""")
			.params(start, end, deleted, id, seenRevision, start, end, deleted)
			.update() == 1;
	}

	/**
	 * Forgets the owner's change of the booking's event that the calendar sync just
	 * overwrote: {@code seen}, the drift the sync loaded with the booking. A drift
	 * recorded while the sync ran (the owner moved the event again) is kept.
	 * @return true when it was forgotten
	 */
	public boolean clearCalendarDrift(UUID id, CalendarDrift seen) {
		if (seen == null) {
			return false;
		}
		return jdbc
			.sql("""
					UPDATE booking SET calendar_drift_start = NULL, calendar_drift_end = NULL, calendar_drift_deleted = false
					WHERE id = ? AND calendar_drift_start IS NOT DISTINCT FROM ? AND calendar_drift_end IS NOT DISTINCT FROM ?
					  AND calendar_drift_deleted = ?""")
			.params(id, utc(seen.start()), utc(seen.end()), seen.deleted())
			.update() == 1;
	}

	/**
	 * Confirmed bookings not over at {@code now} whose event was made and whose time
	 * intersects {@code [from, to)}: the events a full list of that window must show.
	 */
	public List<Booking> withEventsBetween(Instant from, Instant to, Instant now) {
		return jdbc.sql(SELECT + """
				WHERE status = 'CONFIRMED' AND calendar_event_id IS NOT NULL AND start_time < ? AND end_time > ?
				  AND end_time > ?""").params(utc(to), utc(from), utc(now)).query(BookingRepository::map).list();
	}

	/**
	 * When the appointment got its current time: when it was booked, or last moved. An
	 * appointment booked or moved closer than {@code booking.mail.reminder-before} gets
	 * no reminder.
	 */
	public Instant startSetAt(UUID id) {
		return jdbc.sql("SELECT COALESCE(start_moved_at, created_at) FROM booking WHERE id = ?")
			.param(id)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	/**
	 * Cancels a booking not cancelled yet; empty when there is none (no such booking, or
	 * cancelled already). A hold never confirmed is settled at once: nothing outside the
	 * service knew of it, so there is nothing to push or to mail.
	 */
	@Transactional
	public Optional<Booking> cancel(UUID id, Instant now, ChangeSource source) {
		Optional<Booking> cancelled = jdbc.sql(returning("""
				UPDATE booking SET status = 'CANCELLED', revision = revision + 1, updated_at = ?, changed_by = ?,
				       calendar_conflict_start = NULL, calendar_conflict_end = NULL
				WHERE id = ? AND status <> 'CANCELLED'
				RETURNING *""")).params(utc(now), source.name(), id).query(BookingRepository::map).optional();
		if (cancelled.isPresent() && cancelled.get().unconfirmedHold()) {
			settle(id);
			return findById(id);
		}
		return cancelled;
	}

	/**
	 * An unconfirmed hold that ends has nothing to push and no email to send: every
	 * integration is recorded as done with the booking's revision, without a push.
	 */
	private void settle(UUID id) {
		jdbc.sql(
				"""
						INSERT INTO booking_sync AS s (booking_id, integration, synced_revision)
						SELECT b.id, i.integration, b.revision FROM booking b, unnest(CAST(? AS varchar[])) AS i(integration) WHERE b.id = ?
						ON CONFLICT (booking_id, integration) DO UPDATE
						SET synced_revision = GREATEST(s.synced_revision, EXCLUDED.synced_revision), pushed = false""")
			.params(INTEGRATIONS, id)
			.update();
	}

	/**
	 * Confirms a hold whose customer opened the verification link in time: the booking
	 * becomes {@link BookingStatus#CONFIRMED}, its email verified, and its revision is
	 * bumped so that the workflow (or, if its signal is lost, the reconciler) pushes it.
	 * @return the confirmed booking; empty when there is no pending hold to confirm (no
	 * such booking, confirmed already, cancelled, or past its hold)
	 */
	public Optional<Booking> verify(UUID id, Instant now) {
		return jdbc.sql(returning("""
				UPDATE booking SET status = 'CONFIRMED', verified_at = ?, revision = revision + 1, updated_at = ?,
				       changed_by = 'CUSTOMER'
				WHERE id = ? AND status = 'PENDING_VERIFICATION' AND hold_expires_at > ?
				RETURNING *""")).params(utc(now), utc(now), id, utc(now)).query(BookingRepository::map).optional();
	}

	/**
	 * Ends a hold the customer did not confirm: cancelled with the reason
	 * {@link Booking#VERIFICATION_EXPIRED}, settled (nothing to push or mail), and the
	 * slot caches of every API instance are told that a slot is free again. The booking's
	 * workflow calls this when its hold timer fires, whatever the clock here says: the
	 * timer is the authority, and a verification racing it is decided by the row lock.
	 * @return false when the booking was no longer pending (confirmed meanwhile)
	 */
	@Transactional
	public boolean expireHold(UUID id, Instant now) {
		boolean expired = jdbc.sql("""
				UPDATE booking SET status = 'CANCELLED', cancellation_reason = 'VERIFICATION_EXPIRED',
				       revision = revision + 1, updated_at = ?, changed_by = 'SERVICE'
				WHERE id = ? AND status = 'PENDING_VERIFICATION'""").params(utc(now), id).update() == 1;
		if (expired) {
			settle(id);
			jdbc.sql("SELECT pg_notify(?, ?)").params(CACHE_CHANNEL, "hold-expired bookings").query().singleRow();
		}
		return expired;
	}

	/**
	 * Revokes the booking's manage link: the version in its token is bumped, so every
	 * token issued before stops working.
	 * @return the booking with its new version; empty when there is no such booking
	 */
	public Optional<Booking> reissueManageLink(UUID id) {
		return jdbc
			.sql(returning("UPDATE booking SET manage_link_version = manage_link_version + 1 WHERE id = ? RETURNING *"))
			.param(id)
			.query(BookingRepository::map)
			.optional();
	}

	/**
	 * Bookings newest first, for operators.
	 * @param conflict only those whose calendar event overlaps a busy period of the
	 * business's own calendar
	 */
	public List<Booking> list(boolean needsManualSync, boolean conflict, String email, int page, int size) {
		return list(needsManualSync, conflict, false, email, page, size);
	}

	/**
	 * Bookings newest first, for operators.
	 * @param conflict only those whose calendar event overlaps a busy period of the
	 * business's own calendar
	 * @param drift only those whose event the owner moved or deleted in Google, kept for
	 * an operator ({@code calendarDrift})
	 */
	public List<Booking> list(boolean needsManualSync, boolean conflict, boolean drift, String email, int page,
			int size) {
		return jdbc.sql(SELECT + """
				WHERE (NOT ? OR EXISTS (SELECT 1 FROM booking_sync s WHERE s.booking_id = b.id AND s.manual))
				  AND (NOT ? OR calendar_conflict_start IS NOT NULL)
				  AND (NOT ? OR calendar_drift_start IS NOT NULL OR calendar_drift_deleted)
				  AND (CAST(? AS text) IS NULL OR lower(email) = lower(CAST(? AS text)))
				ORDER BY created_at DESC, id
				LIMIT ? OFFSET ?""")
			.params(needsManualSync, conflict, drift, email, email, size, (long) page * size)
			.query(BookingRepository::map)
			.list();
	}

	/**
	 * The booking a customer's CRM contact describes: their next upcoming confirmed
	 * booking, else their latest one by start time (which may be cancelled). Never simply
	 * the one synced last, and never a hold the customer did not confirm (what anyone
	 * typed next to a stranger's address).
	 */
	public Optional<Booking> shownOnContact(String email, Instant now) {
		return jdbc.sql(SELECT + """
				WHERE lower(email) = lower(?)
				  AND NOT (hold_expires_at IS NOT NULL AND verified_at IS NULL)
				ORDER BY (status = 'CONFIRMED' AND end_time > ?) DESC,
				         CASE WHEN status = 'CONFIRMED' AND end_time > ? THEN start_time END ASC,
				         start_time DESC, id
				LIMIT 1""").params(email, utc(now), utc(now)).query(BookingRepository::map).optional();
	}

	/**
	 * Confirmed bookings whose time intersects {@code [from, to)}, for availability. The
	 * blocked range contains the booking's time, so {@code blocked &&} narrows the search
	 * through the GiST index on it ({@code booking_blocked_idx}).
	 */
	static final String CONFIRMED_BETWEEN = SELECT + """
			WHERE status <> 'CANCELLED' AND blocked && tstzrange(?, ?, '[)') AND start_time < ? AND end_time > ?
			ORDER BY start_time""";

	public List<Booking> confirmedBetween(Instant from, Instant to) {
		return jdbc.sql(CONFIRMED_BETWEEN)
			.params(utc(from), utc(to), utc(to), utc(from))
			.query(BookingRepository::map)
			.list();
	}

	/**
	 * Records that {@code integration} now matches {@code revision}. "Synced" is only
	 * claimed if no change came in meanwhile; a disabled integration records the revision
	 * as done without claiming it is synced. An integration other than the webhooks whose
	 * last recorded sync event was a flag is healed: a change row of the service's,
	 * {@code {"calendarSync": {"from": "MANUAL", "to": "SYNCED"}}} (the
	 * {@code booking.sync.healed} webhook, and a line in the booking's history), written
	 * with the booking's row locked, as every change of it is: the changes' order is the
	 * order they were committed in, which the webhooks' outbox relies on.
	 * @return true when this recorded the heal
	 */
	@Transactional
	public boolean recordSynced(UUID id, Integration integration, long revision, String externalId, boolean pushed) {
		jdbc.sql(
				"""
						INSERT INTO booking_sync AS s (booking_id, integration, synced_revision, pushed)
						SELECT id, ?, ?, ? FROM booking WHERE id = ?
						ON CONFLICT (booking_id, integration) DO UPDATE
						SET pushed = CASE WHEN EXCLUDED.synced_revision >= s.synced_revision THEN EXCLUDED.pushed ELSE s.pushed END,
						    synced_revision = GREATEST(s.synced_revision, EXCLUDED.synced_revision), manual = false, error = NULL""")
			.params(integration.name(), revision, pushed, id)
			.update();
		String idColumn = switch (integration) {
			case CALENDAR -> "calendar_event_id";
			case CRM -> "crm_contact_id";
			// An email has no id in an outside system.
			case MAIL, WEBHOOK -> null;
		};
		if (idColumn != null && externalId != null) {
			jdbc.sql("UPDATE booking SET " + idColumn + " = ? WHERE id = ?").params(externalId, id).update();
		}
		return integration != Integration.WEBHOOK && jdbc.sql("""
				INSERT INTO booking_change (booking_id, revision, at, source, what)
				SELECT b.id, b.revision, now(), 'SERVICE', jsonb_build_object(CAST(? AS text),
				       jsonb_build_object('from', 'MANUAL', 'to', 'SYNCED'))
				FROM booking b WHERE b.id = ? AND """ + LAST_SYNC_EVENT + " = 'MANUAL' FOR NO KEY UPDATE OF b")
			.params(syncField(integration), id, syncField(integration), syncField(integration))
			.update() == 1;
	}

	/**
	 * The state the last sync event of an integration ({@code ?}, its field, twice)
	 * recorded for booking {@code b}: {@code MANUAL}, {@code SYNCED}, or null for none.
	 */
	private static final String LAST_SYNC_EVENT = """
			(SELECT c.what -> CAST(? AS text) ->> 'to' FROM booking_change c
			 WHERE c.booking_id = b.id AND c.source = 'SERVICE' AND c.what -> CAST(? AS text) IS NOT NULL
			 ORDER BY c.seq DESC LIMIT 1)""";

	/** The field of an integration's sync events: {@code calendarSync}. */
	private static String syncField(Integration integration) {
		String attribute = integration.searchAttribute();
		return Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1);
	}

	/**
	 * Records what the calendar sync found for {@code revision}: the clash with the
	 * business's own calendar, or null for none. A change made meanwhile wins: its own
	 * sync decides. None found keeps the clash with another booking the owner's move made
	 * ({@link #moveByOwner}): the sync does not look at bookings.
	 * @return true when this changed what was recorded
	 */
	public boolean recordCalendarConflict(UUID id, long revision, CalendarConflict conflict) {
		OffsetDateTime start = conflict == null ? null : utc(conflict.start());
		OffsetDateTime end = conflict == null ? null : utc(conflict.end());
		return jdbc.sql("""
				UPDATE booking SET calendar_conflict_start = ?, calendar_conflict_end = ?
				WHERE id = ? AND revision = ? AND (CAST(? AS timestamptz) IS NOT NULL OR NOT owner_clash)
				  AND (calendar_conflict_start IS DISTINCT FROM ? OR calendar_conflict_end IS DISTINCT FROM ?)""")
			.params(start, end, id, revision, start, start, end)
			.update() == 1;
	}

	/**
	 * Flags the booking for an operator: attempts ran out or the error was permanent. The
	 * first flag of an integration other than the webhooks since it last synced is
	 * recorded in the same statement as a change row of the service's,
	 * {@code {"calendarSync": {"from": "PENDING", "to": "MANUAL"}}} (the
	 * {@code booking.sync.flagged} webhook, and a line in the booking's history); not for
	 * an unconfirmed hold, which is no booking yet. The booking's row is locked first, as
	 * for every change of it (see {@link #recordSynced}).
	 * @return true when this recorded the flag as an event
	 */
	public boolean flagManualSync(UUID id, Integration integration, String reason) {
		return jdbc.sql("""
				WITH locked AS (SELECT id FROM booking WHERE id = ? FOR NO KEY UPDATE),
				flag AS (
				  INSERT INTO booking_sync AS s (booking_id, integration, manual, error)
				  SELECT id, ?, true, ? FROM locked
				  ON CONFLICT (booking_id, integration) DO UPDATE
				  SET manual = true, pushed = false, error = EXCLUDED.error
				  RETURNING booking_id),
				event AS (
				  INSERT INTO booking_change (booking_id, revision, at, source, what)
				  SELECT b.id, b.revision, now(), 'SERVICE', jsonb_build_object(CAST(? AS text),
				         jsonb_build_object('from', 'PENDING', 'to', 'MANUAL'))
				  FROM booking b JOIN flag ON flag.booking_id = b.id
				  WHERE ? AND NOT (b.hold_expires_at IS NOT NULL AND b.verified_at IS NULL)
				    AND COALESCE(""" + LAST_SYNC_EVENT + """
				, 'SYNCED') <> 'MANUAL'
				  RETURNING seq)
				SELECT count(*) FROM event""")
			.params(id, integration.name(), truncate(reason, 2000), syncField(integration),
					integration != Integration.WEBHOOK, syncField(integration), syncField(integration))
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * Clears the manual-sync flags (and their errors) of {@code integrations} before an
	 * operator's retry; the other integrations keep theirs.
	 */
	public void clearManualSync(UUID id, Set<Integration> integrations) {
		jdbc.sql(
				"UPDATE booking_sync SET manual = false, error = NULL WHERE booking_id = ? AND integration = ANY (CAST(? AS varchar[]))")
			.params(id, names(integrations))
			.update();
	}

	/**
	 * Keeps the HubSpot meeting id as soon as it exists, so a retry finds it instead of
	 * making another.
	 */
	public void saveCrmMeetingId(UUID id, String meetingId) {
		jdbc.sql("UPDATE booking SET crm_meeting_id = ? WHERE id = ?").params(meetingId, id).update();
	}

	/** Keeps the HubSpot contact id as soon as it is known. */
	public void saveCrmContactId(UUID id, String contactId) {
		jdbc.sql("UPDATE booking SET crm_contact_id = ? WHERE id = ?").params(contactId, id).update();
	}

	private static <T> T refuseOverlap(Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DataIntegrityViolationException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql
					&& EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
				throw new SlotTaken();
			}
			throw ex;
		}
	}

	/** A text parameter that binds with its type when it is null. */
	private static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Booking map(ResultSet rs, int row) throws SQLException {
		long revision = rs.getLong("revision");
		return new Booking(rs.getObject("id", UUID.class), BookingStatus.valueOf(rs.getString("status")),
				rs.getString("name"), rs.getString("email"), rs.getString("company"), rs.getString("phone"),
				rs.getString("inquiry"), instant(rs, "start_time"), instant(rs, "end_time"), rs.getString("time_zone"),
				revision, rs.getString("calendar_event_id"), rs.getString("crm_contact_id"),
				rs.getString("crm_meeting_id"), instant(rs, "created_at"), instant(rs, "updated_at"),
				conflict(instant(rs, "calendar_conflict_start"), instant(rs, "calendar_conflict_end")),
				sync(rs, revision), instant(rs, "hold_expires_at"), instant(rs, "verified_at"),
				rs.getString("cancellation_reason"), rs.getInt("manage_link_version"), drift(rs));
	}

	private static CalendarDrift drift(ResultSet rs) throws SQLException {
		if (rs.getBoolean("calendar_drift_deleted")) {
			return CalendarDrift.DELETED;
		}
		Instant start = instant(rs, "calendar_drift_start");
		return start == null ? null : CalendarDrift.moved(start, instant(rs, "calendar_drift_end"));
	}

	/** The rows of {@code booking_sync}, aggregated into arrays by {@link #SYNC}. */
	private static Map<Integration, IntegrationSync> sync(ResultSet rs, long revision) throws SQLException {
		Map<Integration, IntegrationSync> sync = new EnumMap<>(Integration.class);
		Array integrations = rs.getArray("sync_integrations");
		if (integrations == null) {
			return sync;
		}
		String[] names = (String[]) integrations.getArray();
		Long[] syncedRevisions = (Long[]) rs.getArray("sync_revisions").getArray();
		Boolean[] pushed = (Boolean[]) rs.getArray("sync_pushed").getArray();
		Boolean[] manual = (Boolean[]) rs.getArray("sync_manual").getArray();
		String[] errors = (String[]) rs.getArray("sync_errors").getArray();
		for (int i = 0; i < names.length; i++) {
			boolean synced = pushed[i] && syncedRevisions[i] == revision && !manual[i];
			sync.put(Integration.valueOf(names[i]),
					new IntegrationSync(synced, syncedRevisions[i], manual[i], errors[i]));
		}
		return sync;
	}

	static String[] names(Collection<Integration> integrations) {
		return integrations.stream().map(Integration::name).toArray(String[]::new);
	}

	private static CalendarConflict conflict(Instant start, Instant end) {
		return start == null ? null : new CalendarConflict(start, end);
	}

}
