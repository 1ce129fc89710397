package com.acme.booking.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code booking_message} table: what was sent (or, mail disabled, recorded) for each
 * booking. A message is claimed here before SMTP is called, so a retried attempt finds
 * the claim and never sends twice.
 */
@Repository
public class BookingMessages {

	private final JdbcClient jdbc;

	public BookingMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the message unless its (booking, revision, kind) is already there; a row
	 * left {@link Delivery#FAILED} (certainly not sent) is taken over. True when the
	 * caller now owns the message and may send it.
	 */
	public boolean claim(BookingMessage message) {
		return jdbc.sql("""
				INSERT INTO booking_message (booking_id, revision, kind, delivery, recipients, subject, text_body,
				                             html_body, ics_sequence, recorded_at, sent_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (booking_id, revision, kind) DO UPDATE
				   SET delivery = EXCLUDED.delivery, recipients = EXCLUDED.recipients, subject = EXCLUDED.subject,
				       text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,
				       ics_sequence = EXCLUDED.ics_sequence, recorded_at = EXCLUDED.recorded_at,
				       sent_at = EXCLUDED.sent_at
				 WHERE booking_message.delivery = 'FAILED'""")
			.params(message.bookingId(), message.revision(), message.kind().name(), message.delivery().name(),
					String.join(",", message.recipients()), message.subject(), message.text(), message.html(),
					message.icsSequence(), utc(message.recordedAt()), utc(message.sentAt()))
			.update() == 1;
	}

	/**
	 * Records a message that is sent at once and never retried (a new manage link, on an
	 * operator's request), replacing the row of an earlier one of the same (booking,
	 * revision, kind): the row describes the newest.
	 */
	public void replace(BookingMessage message) {
		jdbc.sql("""
				INSERT INTO booking_message (booking_id, revision, kind, delivery, recipients, subject, text_body,
				                             html_body, ics_sequence, recorded_at, sent_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (booking_id, revision, kind) DO UPDATE
				   SET delivery = EXCLUDED.delivery, recipients = EXCLUDED.recipients, subject = EXCLUDED.subject,
				       text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,
				       ics_sequence = EXCLUDED.ics_sequence, recorded_at = EXCLUDED.recorded_at,
				       sent_at = EXCLUDED.sent_at""")
			.params(message.bookingId(), message.revision(), message.kind().name(), message.delivery().name(),
					String.join(",", message.recipients()), message.subject(), message.text(), message.html(),
					message.icsSequence(), utc(message.recordedAt()), utc(message.sentAt()))
			.update();
	}

	/**
	 * Whether a message of {@code kind} was sent, recorded or possibly sent for the
	 * booking at any revision: a verification email goes out once per hold, however often
	 * the hold is changed.
	 */
	public boolean handled(UUID bookingId, MessageKind kind) {
		return jdbc
			.sql("SELECT count(*) FROM booking_message WHERE booking_id = ? AND kind = ? AND delivery <> 'FAILED'")
			.params(bookingId, kind.name())
			.query(Long.class)
			.single() > 0;
	}

	/** The SMTP server accepted the message. */
	public void markSent(UUID bookingId, long revision, MessageKind kind, Instant sentAt) {
		setDelivery(bookingId, revision, kind, Delivery.SENT, sentAt);
	}

	/**
	 * The message certainly did not leave (server unreachable or refused it): the next
	 * attempt may send it.
	 */
	public void markFailed(UUID bookingId, long revision, MessageKind kind) {
		setDelivery(bookingId, revision, kind, Delivery.FAILED, null);
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

	private void setDelivery(UUID bookingId, long revision, MessageKind kind, Delivery delivery, Instant sentAt) {
		jdbc.sql(
				"UPDATE booking_message SET delivery = ?, sent_at = ? WHERE booking_id = ? AND revision = ? AND kind = ?")
			.params(delivery.name(), utc(sentAt), bookingId, revision, kind.name())
			.update();
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
				instant(rs, "recorded_at"), instant(rs, "sent_at"));
	}

}
