package com.acme.booking.core;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps each future booking's stored blocked range
 * ({@code [start - buffer/2, end + buffer/2)}) in step with the buffer in force. The
 * range is computed when a row is written, so a changed {@code booking.rules.buffer}
 * leaves old rows on the old one until this runs (at start-up). A range that cannot grow
 * without overlapping a neighbour keeps its old size: the exclusion constraint is never
 * weakened and the start never fails; the pair is reported instead.
 */
@Repository
public class BlockedRanges {

	private static final String EXCLUSION_VIOLATION = "23P01";

	private final JdbcClient jdbc;

	public BlockedRanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Recomputes the blocked range of every confirmed booking not yet over whose range
	 * differs from {@code buffer}'s. Each row is its own statement, so one refused row
	 * does not undo the others.
	 * @return how many ranges changed
	 */
	public int recompute(Duration buffer, Instant now) {
		Duration half = buffer.dividedBy(2);
		List<UUID> stale = jdbc.sql("""
				SELECT id FROM booking
				WHERE status <> 'CANCELLED' AND end_time > ?
				  AND blocked <> tstzrange(start_time - CAST(? AS interval), end_time + CAST(? AS interval), '[)')
				ORDER BY start_time""")
			.params(BookingRepository.utc(now), interval(half), interval(half))
			.query(UUID.class)
			.list();
		int changed = 0;
		for (UUID id : stale) {
			try {
				changed += jdbc.sql("""
						UPDATE booking
						SET blocked = tstzrange(start_time - CAST(? AS interval), end_time + CAST(? AS interval), '[)')
						WHERE id = ?""").params(interval(half), interval(half), id).update();
			}
			catch (DataIntegrityViolationException ex) {
				if (!(ex.getMostSpecificCause() instanceof SQLException sql
						&& EXCLUSION_VIOLATION.equals(sql.getSQLState()))) {
					throw ex;
				}
				// Closer to a neighbour than the new buffer allows: listed by
				// violations(), left for an operator.
			}
		}
		return changed;
	}

	/**
	 * Pairs of confirmed bookings not yet over that are closer to each other than
	 * {@code buffer}, earliest first.
	 */
	public List<TooClose> violations(Duration buffer, Instant now) {
		return jdbc.sql("""
				SELECT a.id AS first_id, a.start_time AS first_start, b.id AS second_id, b.start_time AS second_start
				FROM booking a JOIN booking b
				  ON b.start_time >= a.start_time AND a.id <> b.id
				 AND b.start_time < a.end_time + CAST(? AS interval)
				 AND (b.start_time > a.start_time OR a.id < b.id)
				WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED' AND a.end_time > ? AND b.end_time > ?
				ORDER BY a.start_time, b.start_time""")
			.params(interval(buffer), BookingRepository.utc(now), BookingRepository.utc(now))
			.query((rs, row) -> new TooClose(rs.getObject("first_id", UUID.class),
					rs.getObject("first_start", OffsetDateTime.class).toInstant(),
					rs.getObject("second_id", UUID.class),
					rs.getObject("second_start", OffsetDateTime.class).toInstant()))
			.list();
	}

	private static String interval(Duration duration) {
		return duration.toMillis() + " milliseconds";
	}

	/**
	 * Two bookings closer than the buffer: an operator moves or cancels one. Ids and
	 * times only, no personal data.
	 */
	public record TooClose(UUID first, Instant firstStart, UUID second, Instant secondStart) {
	}

}
