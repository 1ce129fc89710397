package com.acme.booking.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
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

	private final JdbcClient jdbc;

	public BookingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a confirmed booking. The frequency limit is counted and the row inserted
	 * under a transaction-scoped advisory lock keyed by the email address, so concurrent
	 * requests from one address cannot both pass it. The count is part of the INSERT, a
	 * statement after the lock's, so its snapshot sees every booking committed before the
	 * lock was granted: two round trips and the commit.
	 */
	@Transactional
	public Booking insert(UUID id, NewBooking booking, Duration buffer, FrequencyLimit limit, Instant now) {
		return insert(id, booking, buffer, limit, now, null);
	}

	/**
	 * Inserts a booking held as {@link BookingStatus#PENDING_VERIFICATION} until
	 * {@code now + window}, under the same rules as {@link #insert}: the hold blocks its
	 * slot and counts for the frequency limit.
	 */
	@Transactional
	public Booking hold(UUID id, NewBooking booking, Duration buffer, FrequencyLimit limit, Instant now,
			Duration window) {
		return insert(id, booking, buffer, limit, now, now.plus(window));
	}

	/**
	 * The frequency limit counts every booking not cancelled, and every hold never
	 * confirmed even once it expired or was withdrawn: otherwise anyone could have
	 * verification emails sent to a stranger's address without end, one per hold.
	 */
	private Booking insert(UUID id, NewBooking booking, Duration buffer, FrequencyLimit limit, Instant now,
			Instant holdUntil) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(lower(?)))").param(booking.email()).query().singleRow();
		Duration half = buffer.dividedBy(2);
		BookingStatus status = holdUntil == null ? BookingStatus.CONFIRMED : BookingStatus.PENDING_VERIFICATION;
		// RETURNING hands back the stored row: no second round trip to read what was just
		// written.
		return refuseOverlap(() -> jdbc.sql("""
				INSERT INTO booking (id, status, name, email, company, phone, inquiry, start_time, end_time, time_zone,
				                     blocked, created_at, updated_at, hold_expires_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?
				WHERE (SELECT count(*) FROM booking
				       WHERE lower(email) = lower(?) AND created_at > ?
				         AND (status <> 'CANCELLED' OR (hold_expires_at IS NOT NULL AND verified_at IS NULL))) < ?
				RETURNING *""")
			.params(id, status.name(), booking.name(), booking.email(), booking.company(), booking.phone(),
					booking.inquiry(), utc(booking.startTime()), utc(booking.endTime()), booking.timeZone(),
					utc(booking.startTime().minus(half)), utc(booking.endTime().plus(half)), utc(now), utc(now),
					utc(holdUntil), booking.email(), utc(now.minus(limit.window())), limit.maxBookings())
			.query(BookingRepository::map)
			.optional()
			.orElseThrow(() -> new FrequencyLimitReached(limit.maxBookings())));
	}

	public Optional<Booking> findById(UUID id) {
		return jdbc.sql("SELECT * FROM booking WHERE id = ?").param(id).query(BookingRepository::map).optional();
	}

	/**
	 * Applies a change and bumps the revision; the integrations are out of step until the
	 * workflow pushes it. One statement: what the change leaves out is kept from the row
	 * as it is when the UPDATE locks it.
	 * @throws BookingCancelled when the booking is cancelled (also when a cancel won a
	 * race with this change)
	 */
	public Optional<Booking> update(UUID id, BookingChange change, Duration buffer, Instant now) {
		Instant start = change.startTime();
		Instant end = change.endTime();
		Duration half = buffer.dividedBy(2);
		Optional<Booking> updated = refuseOverlap(() -> jdbc.sql("""
				UPDATE booking SET start_time = COALESCE(?, start_time), end_time = COALESCE(?, end_time),
				       blocked = CASE WHEN ? THEN tstzrange(?, ?, '[)') ELSE blocked END,
				       calendar_conflict_start = CASE WHEN ? THEN NULL ELSE calendar_conflict_start END,
				       calendar_conflict_end = CASE WHEN ? THEN NULL ELSE calendar_conflict_end END,
				       name = COALESCE(?, name),
				       company = CASE WHEN CAST(? AS text) IS NULL THEN company ELSE NULLIF(?, '') END,
				       phone = CASE WHEN CAST(? AS text) IS NULL THEN phone ELSE NULLIF(?, '') END,
				       inquiry = CASE WHEN CAST(? AS text) IS NULL THEN inquiry ELSE NULLIF(?, '') END,
				       revision = revision + 1, calendar_synced = false, crm_synced = false, updated_at = ?
				WHERE id = ? AND status <> 'CANCELLED'
				RETURNING *""")
			// Only a move re-computes the blocked range: a detail edit must not fail
			// because the buffer changed.
			// A move also drops the clash found at the old time; the sync of the new
			// revision looks again.
			.params(utc(start), utc(end), change.moves(), utc(start == null ? null : start.minus(half)),
					utc(end == null ? null : end.plus(half)), change.moves(), change.moves(), change.name(),
					change.company(), change.company(), change.phone(), change.phone(), change.inquiry(),
					change.inquiry(), utc(now), id)
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
	 * Cancels the booking; cancelling a cancelled booking changes nothing and returns it
	 * as it is.
	 */
	public Optional<Booking> cancel(UUID id, Instant now) {
		return cancelConfirmed(id, now).or(() -> findById(id));
	}

	/**
	 * Cancels a booking not cancelled yet in one statement; empty when there is none (no
	 * such booking, or cancelled already). A hold never confirmed is settled at once:
	 * nothing outside the service knew of it, so there is nothing to push or to mail.
	 */
	public Optional<Booking> cancelConfirmed(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE booking SET status = 'CANCELLED', revision = revision + 1, calendar_synced = false,
				       crm_synced = false, updated_at = ?, calendar_conflict_start = NULL, calendar_conflict_end = NULL,
				""" + SETTLE_UNCONFIRMED_HOLD + """
				WHERE id = ? AND status <> 'CANCELLED'
				RETURNING *""").params(utc(now), id).query(BookingRepository::map).optional();
	}

	/**
	 * An unconfirmed hold that ends has nothing to push and no email to send: its synced
	 * revisions move to the new revision in the same UPDATE (which bumps the revision).
	 */
	private static final String SETTLE_UNCONFIRMED_HOLD = """
			calendar_synced_revision = CASE WHEN status = 'PENDING_VERIFICATION' THEN revision + 1
			                                ELSE calendar_synced_revision END,
			crm_synced_revision = CASE WHEN status = 'PENDING_VERIFICATION' THEN revision + 1
			                           ELSE crm_synced_revision END,
			mail_synced_revision = CASE WHEN status = 'PENDING_VERIFICATION' THEN revision + 1
			                            ELSE mail_synced_revision END
			""";

	/**
	 * Confirms a hold whose customer opened the verification link in time: the booking
	 * becomes {@link BookingStatus#CONFIRMED}, its email verified, and its revision is
	 * bumped so that the workflow (or, if its signal is lost, the reconciler) pushes it.
	 * @return the confirmed booking; empty when there is no pending hold to confirm (no
	 * such booking, confirmed already, cancelled, or past its hold)
	 */
	public Optional<Booking> verify(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE booking SET status = 'CONFIRMED', verified_at = ?, revision = revision + 1, updated_at = ?
				WHERE id = ? AND status = 'PENDING_VERIFICATION' AND hold_expires_at > ?
				RETURNING *""").params(utc(now), utc(now), id, utc(now)).query(BookingRepository::map).optional();
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
				       revision = revision + 1, updated_at = ?,
				""" + SETTLE_UNCONFIRMED_HOLD + """
				WHERE id = ? AND status = 'PENDING_VERIFICATION'""").params(utc(now), id).update() == 1;
		if (expired) {
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
		return jdbc.sql("UPDATE booking SET manage_link_version = manage_link_version + 1 WHERE id = ? RETURNING *")
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
		return jdbc.sql("""
				SELECT * FROM booking
				WHERE (NOT ? OR requires_manual_calendar_sync OR requires_manual_crm_sync OR requires_manual_mail_sync)
				  AND (NOT ? OR calendar_conflict_start IS NOT NULL)
				  AND (CAST(? AS text) IS NULL OR lower(email) = lower(CAST(? AS text)))
				ORDER BY created_at DESC, id
				LIMIT ? OFFSET ?""")
			.params(needsManualSync, conflict, email, email, size, (long) page * size)
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
		return jdbc.sql("""
				SELECT * FROM booking WHERE lower(email) = lower(?)
				  AND NOT (hold_expires_at IS NOT NULL AND verified_at IS NULL)
				ORDER BY (status = 'CONFIRMED' AND end_time > ?) DESC,
				         CASE WHEN status = 'CONFIRMED' AND end_time > ? THEN start_time END ASC,
				         start_time DESC, id
				LIMIT 1""").params(email, utc(now), utc(now)).query(BookingRepository::map).optional();
	}

	/**
	 * Confirmed bookings whose time intersects {@code [from, to)}, for availability. The
	 * blocked range contains the booking's time, so {@code blocked &&} narrows the search
	 * through the exclusion constraint's GiST index.
	 */
	static final String CONFIRMED_BETWEEN = """
			SELECT * FROM booking
			WHERE status <> 'CANCELLED' AND blocked && tstzrange(?, ?, '[)') AND start_time < ? AND end_time > ?
			ORDER BY start_time""";

	public List<Booking> confirmedBetween(Instant from, Instant to) {
		return jdbc.sql(CONFIRMED_BETWEEN)
			.params(utc(from), utc(to), utc(to), utc(from))
			.query(BookingRepository::map)
			.list();
	}

	/** Ids of bookings with something still to push, or waiting for an operator. */
	public List<UUID> unfinishedSync(int limit) {
		return jdbc.sql("""
				SELECT id FROM booking WHERE sync_unfinished
				-- Bookings with something to push come first: flagged ones usually have a running workflow.
				ORDER BY (calendar_synced_revision < revision OR crm_synced_revision < revision
				          OR mail_synced_revision < revision) DESC, updated_at
				LIMIT ?""").param(limit).query(UUID.class).list();
	}

	/**
	 * Records that {@code integration} now matches {@code revision}. "Synced" is only
	 * claimed if no change came in meanwhile; a disabled integration records the revision
	 * as done without claiming it is synced.
	 */
	public void recordSynced(UUID id, Integration integration, long revision, String externalId, boolean pushed) {
		String c = prefix(integration);
		String idColumn = switch (integration) {
			case CALENDAR -> "calendar_event_id";
			case CRM -> "crm_contact_id";
			// An email has no id in an outside system.
			case MAIL -> null;
		};
		List<Object> params = new ArrayList<>(List.of(pushed, revision, revision));
		String keepId = "";
		if (idColumn != null) {
			keepId = ", " + idColumn + " = COALESCE(?, " + idColumn + ")";
			params.add(externalId);
		}
		params.add(id);
		jdbc.sql("UPDATE booking SET " + c + "_synced = (? AND revision = ?), " + c + "_synced_revision = GREATEST(" + c
				+ "_synced_revision, ?), requires_manual_" + c + "_sync = false, " + c + "_sync_error = NULL" + keepId
				+ " WHERE id = ?")
			.params(params)
			.update();
	}

	/**
	 * Records what the calendar sync found for {@code revision}: the clash with the
	 * business's own calendar, or null for none. A change made meanwhile wins: its own
	 * sync decides.
	 * @return true when this changed what was recorded
	 */
	public boolean recordCalendarConflict(UUID id, long revision, CalendarConflict conflict) {
		OffsetDateTime start = conflict == null ? null : utc(conflict.start());
		OffsetDateTime end = conflict == null ? null : utc(conflict.end());
		return jdbc.sql("""
				UPDATE booking SET calendar_conflict_start = ?, calendar_conflict_end = ?
				WHERE id = ? AND revision = ?
				  AND (calendar_conflict_start IS DISTINCT FROM ? OR calendar_conflict_end IS DISTINCT FROM ?)""")
			.params(start, end, id, revision, start, end)
			.update() == 1;
	}

	/** Flags the booking for an operator: attempts ran out or the error was permanent. */
	public void flagManualSync(UUID id, Integration integration, String reason) {
		String c = prefix(integration);
		jdbc.sql("UPDATE booking SET requires_manual_" + c + "_sync = true, " + c + "_synced = false, " + c
				+ "_sync_error = ? WHERE id = ?")
			.params(truncate(reason, 2000), id)
			.update();
	}

	/**
	 * Clears every manual-sync flag before an operator's retry; false when the booking
	 * does not exist.
	 */
	public boolean clearManualSync(UUID id) {
		return jdbc.sql("""
				UPDATE booking SET requires_manual_calendar_sync = false, requires_manual_crm_sync = false,
				       requires_manual_mail_sync = false,
				       calendar_sync_error = NULL, crm_sync_error = NULL, mail_sync_error = NULL
				WHERE id = ?""").param(id).update() == 1;
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

	private static String prefix(Integration integration) {
		return integration.name().toLowerCase(Locale.ROOT);
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
		return new Booking(rs.getObject("id", UUID.class), BookingStatus.valueOf(rs.getString("status")),
				rs.getString("name"), rs.getString("email"), rs.getString("company"), rs.getString("phone"),
				rs.getString("inquiry"), instant(rs, "start_time"), instant(rs, "end_time"), rs.getString("time_zone"),
				rs.getLong("revision"), rs.getString("calendar_event_id"), rs.getBoolean("calendar_synced"),
				rs.getBoolean("requires_manual_calendar_sync"), rs.getString("calendar_sync_error"),
				rs.getLong("calendar_synced_revision"), rs.getString("crm_contact_id"), rs.getString("crm_meeting_id"),
				rs.getBoolean("crm_synced"), rs.getBoolean("requires_manual_crm_sync"), rs.getString("crm_sync_error"),
				rs.getLong("crm_synced_revision"), instant(rs, "created_at"), instant(rs, "updated_at"),
				conflict(instant(rs, "calendar_conflict_start"), instant(rs, "calendar_conflict_end")),
				rs.getBoolean("sync_unfinished"), rs.getBoolean("mail_synced"),
				rs.getBoolean("requires_manual_mail_sync"), rs.getString("mail_sync_error"),
				rs.getLong("mail_synced_revision"), instant(rs, "hold_expires_at"), instant(rs, "verified_at"),
				rs.getString("cancellation_reason"), rs.getInt("manage_link_version"));
	}

	private static CalendarConflict conflict(Instant start, Instant end) {
		return start == null ? null : new CalendarConflict(start, end);
	}

}
