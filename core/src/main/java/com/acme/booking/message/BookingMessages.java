package com.acme.booking.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code booking_message} table: what was sent (or, mail disabled, recorded) for each
 * booking. A message is claimed here before SMTP is called, so a retried attempt finds
 * the claim: a message sent is never sent twice, and one whose outcome is unknown is sent
 * again by the next attempt.
 */
@Repository
public class BookingMessages {

	/**
	 * Whether an attempt holding {@code :owner}/{@code :attempt} may take a message over:
	 * it certainly failed, or its outcome is unknown and nobody works on it any more (the
	 * claim was given back, was held by an earlier attempt of the same activity, or is
	 * older than an attempt can run).
	 */
	private static final String OPEN = """
			(m.delivery = 'FAILED' OR (m.delivery = 'SENDING' AND (m.claim_owner IS NULL OR m.claimed_at IS NULL
			    OR (m.claim_owner = :owner AND m.claim_attempt < :attempt)
			    OR m.claimed_at < now() - :expiry * interval '1 millisecond')))""";

	private final JdbcClient jdbc;

	public BookingMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the message for {@code claim} unless its key is already there: (booking,
	 * revision, kind), or for a reminder (booking, appointment time), whatever revision
	 * it was claimed at. A row that is open (certainly not sent, or its outcome unknown
	 * and nobody working on it) is taken over, moved to the message's revision, and sent
	 * again. A row {@link Delivery#SENT} or {@link Delivery#RECORDED} is never taken
	 * over. True when the caller now owns the message and may send it.
	 */
	public boolean claim(BookingMessage message, MessageClaim claim) {
		String key = message.appointmentStart() != null ? "(booking_id, appointment_start) WHERE kind = 'REMINDER'"
				: "(booking_id, revision, kind)";
		return jdbc.sql("""
				INSERT INTO booking_message AS m (booking_id, revision, kind, delivery, recipients, subject, text_body,
				                                  html_body, ics_sequence, recorded_at, sent_at, appointment_start,
				                                  claim_owner, claim_attempt, claimed_at)
				VALUES (:id, :revision, :kind, :delivery, :recipients, :subject, :text, :html, :sequence, :recordedAt,
				        :sentAt, :start, :owner, :attempt, now())
				ON CONFLICT %s DO UPDATE
				   SET revision = EXCLUDED.revision, delivery = EXCLUDED.delivery, recipients = EXCLUDED.recipients,
				       subject = EXCLUDED.subject, text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,
				       ics_sequence = EXCLUDED.ics_sequence, recorded_at = EXCLUDED.recorded_at,
				       sent_at = EXCLUDED.sent_at, claim_owner = EXCLUDED.claim_owner,
				       claim_attempt = EXCLUDED.claim_attempt, claimed_at = EXCLUDED.claimed_at
				 WHERE""".formatted(key) + OPEN).params(row(message)).params(claimParams(claim)).update() == 1;
	}

	/**
	 * Whether the reminder of the booking's appointment at {@code appointmentStart} was
	 * sent (or, mail disabled, recorded): it is never due again. One that certainly
	 * failed, or whose outcome is unknown, is still due.
	 */
	public boolean reminderSent(UUID bookingId, Instant appointmentStart) {
		return jdbc.sql("""
				SELECT count(*) FROM booking_message
				 WHERE booking_id = ? AND kind = 'REMINDER' AND appointment_start = ?
				   AND delivery IN ('SENT', 'RECORDED')""")
			.params(bookingId, utc(appointmentStart))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records a message that is sent at once and never retried (a new manage link, on an
	 * operator's request), replacing the row of an earlier one of the same (booking,
	 * revision, kind): the row describes the newest.
	 */
	public void replace(BookingMessage message, MessageClaim claim) {
		jdbc.sql("""
				INSERT INTO booking_message (booking_id, revision, kind, delivery, recipients, subject, text_body,
				                             html_body, ics_sequence, recorded_at, sent_at, claim_owner,
				                             claim_attempt, claimed_at)
				VALUES (:id, :revision, :kind, :delivery, :recipients, :subject, :text, :html, :sequence, :recordedAt,
				        :sentAt, :owner, :attempt, now())
				ON CONFLICT (booking_id, revision, kind) DO UPDATE
				   SET delivery = EXCLUDED.delivery, recipients = EXCLUDED.recipients, subject = EXCLUDED.subject,
				       text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,
				       ics_sequence = EXCLUDED.ics_sequence, recorded_at = EXCLUDED.recorded_at,
				       sent_at = EXCLUDED.sent_at, claim_owner = EXCLUDED.claim_owner,
				       claim_attempt = EXCLUDED.claim_attempt, claimed_at = EXCLUDED.claimed_at""")
			.params(row(message))
			.param("owner", claim.owner())
			.param("attempt", claim.attempt())
			.update();
	}

	/**
	 * Whether a message of {@code kind} was sent, recorded or is being sent by another
	 * attempt for the booking at any revision: a verification email goes out once per
	 * hold, however often the hold is changed. A message that certainly failed, or whose
	 * outcome is unknown with nobody working on it, does not count: it is sent again.
	 */
	public boolean handled(UUID bookingId, MessageKind kind, MessageClaim claim) {
		return jdbc
			.sql("SELECT count(*) FROM booking_message m WHERE m.booking_id = :id AND m.kind = :kind AND NOT" + OPEN)
			.param("id", bookingId)
			.param("kind", kind.name())
			.params(claimParams(claim))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether another attempt holds a message of {@code kind} for the booking (at any
	 * revision) and may still be sending it: the caller waits and tries again, rather
	 * than take the message for handled, since that attempt may yet leave it unsent.
	 */
	public boolean sendingElsewhere(UUID bookingId, MessageKind kind, MessageClaim claim) {
		return jdbc
			.sql("SELECT count(*) FROM booking_message m WHERE m.booking_id = :id AND m.kind = :kind"
					+ " AND m.delivery = 'SENDING' AND NOT" + OPEN)
			.param("id", bookingId)
			.param("kind", kind.name())
			.params(claimParams(claim))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Where the message of (booking, revision, kind) stands; empty when there is none.
	 */
	public Optional<Delivery> delivery(UUID bookingId, long revision, MessageKind kind) {
		return jdbc.sql("SELECT delivery FROM booking_message WHERE booking_id = ? AND revision = ? AND kind = ?")
			.params(bookingId, revision, kind.name())
			.query((rs, row) -> Delivery.valueOf(rs.getString(1)))
			.optional();
	}

	/**
	 * Where the row that holds {@code message}'s key stands (a reminder's may have been
	 * claimed at another revision); empty when there is none.
	 */
	public Optional<Delivery> delivery(BookingMessage message) {
		if (message.appointmentStart() == null) {
			return delivery(message.bookingId(), message.revision(), message.kind());
		}
		return jdbc.sql("""
				SELECT delivery FROM booking_message
				 WHERE booking_id = ? AND kind = 'REMINDER' AND appointment_start = ?""")
			.params(message.bookingId(), utc(message.appointmentStart()))
			.query((rs, row) -> Delivery.valueOf(rs.getString(1)))
			.optional();
	}

	/**
	 * The SMTP server accepted the message. Recorded whichever attempt learns it: a fact
	 * about the message, which a later attempt's failure cannot undo.
	 */
	public void markSent(UUID bookingId, long revision, MessageKind kind, Instant sentAt) {
		jdbc.sql("""
				UPDATE booking_message SET delivery = 'SENT', sent_at = ?, claim_owner = NULL
				 WHERE booking_id = ? AND revision = ? AND kind = ? AND delivery IN ('SENDING', 'FAILED')""")
			.params(utc(sentAt), bookingId, revision, kind.name())
			.update();
	}

	/**
	 * The message certainly did not leave (server unreachable or refused it): the next
	 * attempt may send it. Only while {@code claim} still holds the message.
	 */
	public void markFailed(UUID bookingId, long revision, MessageKind kind, MessageClaim claim) {
		updateHeld("delivery = 'FAILED', claim_owner = NULL", bookingId, revision, kind, claim);
	}

	/**
	 * The attempt holding {@code claim} does not know whether the message left: it stays
	 * {@link Delivery#SENDING}, and the next attempt sends it again (with the same
	 * {@code Message-ID}). Only while {@code claim} still holds the message.
	 */
	public void release(UUID bookingId, long revision, MessageKind kind, MessageClaim claim) {
		updateHeld("claim_owner = NULL", bookingId, revision, kind, claim);
	}

	/** Sets {@code assignments} on the message while {@code claim} still holds it. */
	private void updateHeld(String assignments, UUID bookingId, long revision, MessageKind kind, MessageClaim claim) {
		jdbc.sql("UPDATE booking_message m SET " + assignments + " " + HELD_BY)
			.params(key(bookingId, revision, kind))
			.param("owner", claim.owner())
			.param("attempt", claim.attempt())
			.update();
	}

	/**
	 * Whether the booking was confirmed (sent, recorded, or possibly sent) before
	 * {@code revision}: its later messages are updates. A confirmation that certainly
	 * failed does not count, so the customer gets one with the newest state.
	 */
	public boolean confirmedBefore(UUID bookingId, long revision) {
		return jdbc.sql("""
				SELECT count(*) FROM booking_message
				WHERE booking_id = ? AND kind = 'CONFIRMATION' AND revision < ? AND delivery <> 'FAILED'""")
			.params(bookingId, revision)
			.query(Long.class)
			.single() > 0;
	}

	/** The booking's messages, oldest first. */
	public List<BookingMessage> forBooking(UUID bookingId) {
		return jdbc.sql("SELECT * FROM booking_message WHERE booking_id = ? ORDER BY recorded_at, revision, kind")
			.param(bookingId)
			.query(BookingMessages::map)
			.list();
	}

	private static final String HELD_BY = """
			WHERE m.booking_id = :id AND m.revision = :revision AND m.kind = :kind AND m.delivery = 'SENDING'
			  AND m.claim_owner = :owner AND m.claim_attempt = :attempt""";

	private static Map<String, Object> key(UUID bookingId, long revision, MessageKind kind) {
		return Map.of("id", bookingId, "revision", revision, "kind", kind.name());
	}

	private static Map<String, Object> claimParams(MessageClaim claim) {
		return Map.of("owner", claim.owner(), "attempt", claim.attempt(), "expiry", claim.expiry().toMillis());
	}

	private static Map<String, Object> row(BookingMessage message) {
		Map<String, Object> row = new HashMap<>(key(message.bookingId(), message.revision(), message.kind()));
		row.put("delivery", message.delivery().name());
		row.put("recipients", String.join(",", message.recipients()));
		row.put("subject", message.subject());
		row.put("text", message.text());
		row.put("html", message.html());
		row.put("sequence", message.icsSequence());
		row.put("recordedAt", utc(message.recordedAt()));
		// Null until sent: Map.of takes no nulls.
		row.put("sentAt", utc(message.sentAt()));
		row.put("start", utc(message.appointmentStart()));
		return row;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static BookingMessage map(ResultSet rs, int row) throws SQLException {
		return new BookingMessage(rs.getObject("booking_id", UUID.class), rs.getLong("revision"),
				MessageKind.valueOf(rs.getString("kind")), Delivery.valueOf(rs.getString("delivery")),
				Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), rs.getInt("ics_sequence"),
				instant(rs, "recorded_at"), instant(rs, "sent_at"), instant(rs, "appointment_start"));
	}

}
