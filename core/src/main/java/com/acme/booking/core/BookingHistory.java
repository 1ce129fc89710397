package com.acme.booking.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A booking's changes, oldest first: what each changed and who made it. Written by the
 * {@code booking_change_recorded} trigger in the transaction of the change itself, so no
 * change is without its entry and no entry without its change.
 */
@Repository
public class BookingHistory {

	private final JdbcClient jdbc;

	public BookingHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> of(UUID bookingId) {
		return jdbc.sql(
				"SELECT at, source, revision, what::text AS what FROM booking_change WHERE booking_id = ? ORDER BY seq")
			.param(bookingId)
			.query((rs, row) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(),
					ChangeSource.valueOf(rs.getString("source")), rs.getLong("revision"), rs.getString("what")))
			.list();
	}

	/**
	 * One change of a booking.
	 *
	 * @param revision the booking's revision after the change
	 * @param what the fields it changed, as JSON: {@code {"startTime": {"from", "to"}}}
	 */
	public record Entry(Instant at, ChangeSource source, long revision, String what) {
	}

}
