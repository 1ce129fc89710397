package com.acme.booking.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booking's webhook deliveries and their attempts ({@code webhook_delivery},
 * {@code webhook_attempt}), made from its changes ({@code booking_change}, the outbox),
 * and the endpoints that answered {@code 410 Gone}.
 */
@Repository
public class WebhookDeliveries {

	private final JdbcClient jdbc;

	public WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The booking's changes that are webhook events and have no delivery yet, oldest
	 * first: those after the last change a delivery was made from. Nothing before the
	 * booking was confirmed (an unconfirmed hold is no booking yet); for a booking made
	 * before its history was kept (no {@code booking.created} row), every later event.
	 */
	public List<Change> undelivered(UUID bookingId) {
		return jdbc.sql("""
				SELECT c.seq, c.at, webhook_event(c.source, c.what) AS type FROM booking_change c
				WHERE c.booking_id = ?
				  AND c.seq > COALESCE((SELECT max(d.change_seq) FROM webhook_delivery d WHERE d.booking_id = ?), 0)
				  AND c.seq >= COALESCE((SELECT min(f.seq) FROM booking_change f
				                         WHERE f.booking_id = c.booking_id
				                           AND webhook_event(f.source, f.what) = 'booking.created'), 0)
				  AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.id = c.booking_id
				                  AND b.hold_expires_at IS NOT NULL AND b.verified_at IS NULL)
				  AND webhook_event(c.source, c.what) IS NOT NULL
				ORDER BY c.seq""")
			.params(bookingId, bookingId)
			.query((rs, row) -> new Change(rs.getLong("seq"), instant(rs, "at"),
					WebhookEvent.ofType(rs.getString("type")).orElseThrow()))
			.list();
	}

	/**
	 * Makes the delivery of {@code change} to {@code endpoint} with its body, unless it
	 * exists.
	 */
	public void create(UUID bookingId, Change change, String endpoint, String body, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO webhook_delivery (id, booking_id, change_seq, endpoint_url, event_type, body, status, created_at)
						VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)
						ON CONFLICT (change_seq, endpoint_url) DO NOTHING""")
			.params(UUID.randomUUID(), bookingId, change.seq(), endpoint, change.event().type(), body, utc(now))
			.update();
	}

	/**
	 * Makes the deliveries of one pass, all or none: the last change a delivery was made
	 * from marks every earlier change as made, for every endpoint.
	 */
	@Transactional
	public void create(UUID bookingId, List<New> made, Instant now) {
		made.forEach(delivery -> create(bookingId, delivery.change(), delivery.endpoint(), delivery.body(), now));
	}

	/** The booking's deliveries not delivered yet, by endpoint, each in order. */
	public Map<String, List<Pending>> pending(UUID bookingId) {
		Map<String, List<Pending>> byEndpoint = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, endpoint_url, body FROM webhook_delivery
				WHERE booking_id = ? AND status = 'PENDING' ORDER BY endpoint_url, change_seq""")
			.param(bookingId)
			.query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getString("endpoint_url"),
					rs.getString("body")))
			.list()
			.forEach(pending -> byEndpoint.computeIfAbsent(pending.endpoint(), url -> new ArrayList<>()).add(pending));
		return byEndpoint;
	}

	/** Records one attempt of a delivery and, for a 2xx answer, that it was delivered. */
	@Transactional
	public void attempted(UUID deliveryId, Attempt attempt, boolean delivered) {
		jdbc.sql(
				"INSERT INTO webhook_attempt (delivery_id, at, http_status, error, duration_ms) VALUES (?, ?, ?, ?, ?)")
			.params(deliveryId, utc(attempt.at()), attempt.httpStatus(), truncate(attempt.error()),
					attempt.durationMillis())
			.update();
		if (delivered) {
			jdbc.sql("UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ? WHERE id = ?")
				.params(utc(attempt.at()), deliveryId)
				.update();
		}
	}

	/**
	 * Disables an endpoint for every instance and worker.
	 * @return true when this disabled it, false when it was disabled already
	 */
	public boolean disable(String endpoint, String reason, Instant now) {
		return jdbc.sql("""
				INSERT INTO webhook_endpoint_disabled (url, disabled_at, reason) VALUES (?, ?, ?)
				ON CONFLICT (url) DO NOTHING""").params(endpoint, utc(now), truncate(reason)).update() == 1;
	}

	/** The endpoints that answered {@code 410 Gone}. */
	public Set<String> disabled() {
		return Set.copyOf(jdbc.sql("SELECT url FROM webhook_endpoint_disabled").query(String.class).list());
	}

	/** The booking's deliveries with their attempts, oldest first. */
	public List<Delivery> of(UUID bookingId) {
		Map<UUID, List<Attempt>> attempts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.delivery_id, a.at, a.http_status, a.error, a.duration_ms
				FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
				WHERE d.booking_id = ? ORDER BY a.seq""").param(bookingId).query((rs, row) -> {
			attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), id -> new ArrayList<>())
				.add(new Attempt(instant(rs, "at"), rs.getObject("http_status", Integer.class), rs.getString("error"),
						rs.getLong("duration_ms")));
			return null;
		}).list();
		return jdbc.sql("""
				SELECT d.*, w.url IS NOT NULL AS endpoint_disabled FROM webhook_delivery d
				LEFT JOIN webhook_endpoint_disabled w ON w.url = d.endpoint_url
				WHERE d.booking_id = ? ORDER BY d.change_seq, d.endpoint_url""").param(bookingId).query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new Delivery(id, shown(rs.getString("endpoint_url")),
					WebhookEvent.ofType(rs.getString("event_type")).orElseThrow(), rs.getString("status"),
					rs.getBoolean("endpoint_disabled"), instant(rs, "created_at"), instant(rs, "delivered_at"),
					rs.getString("body"), attempts.getOrDefault(id, List.of()));
		}).list();
	}

	/**
	 * An operator's redelivery: the delivery is pending again, with its id and body, and
	 * its endpoint enabled again if it had answered {@code 410 Gone}.
	 * @return what was reset, to {@link #undo} it; empty when the booking has no such
	 * delivery
	 */
	@Transactional
	public Optional<Reset> redeliver(UUID bookingId, UUID deliveryId) {
		Optional<Reset> reset = jdbc.sql("""
				SELECT d.endpoint_url, d.status, d.delivered_at, w.disabled_at, w.reason FROM webhook_delivery d
				LEFT JOIN webhook_endpoint_disabled w ON w.url = d.endpoint_url
				WHERE d.id = ? AND d.booking_id = ? FOR UPDATE OF d""")
			.params(deliveryId, bookingId)
			.query((rs, row) -> new Reset(deliveryId, rs.getString("endpoint_url"), rs.getString("status"),
					instant(rs, "delivered_at"), instant(rs, "disabled_at"), rs.getString("reason")))
			.optional();
		reset.ifPresent(was -> {
			jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', delivered_at = NULL WHERE id = ?")
				.param(deliveryId)
				.update();
			jdbc.sql("DELETE FROM webhook_endpoint_disabled WHERE url = ?").param(was.endpoint()).update();
		});
		return reset;
	}

	/**
	 * Puts back what a redelivery reset (its workflow could not be told): the delivery's
	 * status, unless it was sent meanwhile, and its endpoint's {@code 410 Gone}.
	 */
	@Transactional
	public void undo(Reset reset) {
		jdbc.sql("UPDATE webhook_delivery SET status = ?, delivered_at = ? WHERE id = ? AND status = 'PENDING'")
			.params(reset.status(), utc(reset.deliveredAt()), reset.deliveryId())
			.update();
		if (reset.reenabled()) {
			jdbc.sql("""
					INSERT INTO webhook_endpoint_disabled (url, disabled_at, reason) VALUES (?, ?, ?)
					ON CONFLICT (url) DO NOTHING""")
				.params(reset.endpoint(), utc(reset.disabledAt()), reset.disabledReason())
				.update();
		}
	}

	/** The bookings with deliveries to {@code endpoint} not delivered yet. */
	public List<UUID> pendingBookings(String endpoint) {
		return jdbc
			.sql("SELECT DISTINCT booking_id FROM webhook_delivery WHERE endpoint_url = ? AND status = 'PENDING'")
			.param(endpoint)
			.query(UUID.class)
			.list();
	}

	/**
	 * An endpoint's URL as operators and log lines see it: without user info or query,
	 * which may hold a credential.
	 */
	public static String shown(URI url) {
		if (url.isOpaque() || url.getHost() == null) {
			return url.getScheme() == null ? "(a relative URL)" : url.getScheme() + ":...";
		}
		return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
				+ (url.getRawPath() == null ? "" : url.getRawPath());
	}

	/** {@link #shown(URI)} of a stored URL. */
	public static String shown(String url) {
		try {
			return shown(new URI(url));
		}
		catch (URISyntaxException ex) {
			return "(an invalid URL)";
		}
	}

	private static String truncate(String value) {
		return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/**
	 * A change of a booking that is a webhook event.
	 *
	 * @param seq its place in {@code booking_change}
	 * @param at when it was made: the event's {@code timestamp}
	 */
	public record Change(long seq, Instant at, WebhookEvent event) {
	}

	/** A delivery to make: a change sent to an endpoint with its body. */
	public record New(Change change, String endpoint, String body) {
	}

	/**
	 * What a redelivery reset.
	 *
	 * @param status the delivery's status before
	 * @param disabledAt when its endpoint had answered {@code 410 Gone}; null when it had
	 * not
	 */
	public record Reset(UUID deliveryId, String endpoint, String status, Instant deliveredAt, Instant disabledAt,
			String disabledReason) {

		/** Whether the redelivery enabled its endpoint again. */
		public boolean reenabled() {
			return disabledAt != null;
		}

	}

	/** A delivery still to send. */
	public record Pending(UUID id, String endpoint, String body) {
	}

	/**
	 * One attempt of a delivery.
	 *
	 * @param httpStatus the answer's status; null when none came
	 * @param error why it failed, if it did
	 */
	public record Attempt(Instant at, Integer httpStatus, String error, long durationMillis) {
	}

	/**
	 * A delivery as operators see it.
	 *
	 * @param id its {@code webhook-id}
	 * @param endpoint its endpoint's URL {@linkplain #shown(URI) without user info or
	 * query}
	 * @param status {@code PENDING} or {@code DELIVERED}
	 * @param endpointDisabled its endpoint answered {@code 410 Gone}: nothing is sent to
	 * it until an operator redelivers
	 * @param body what was (or will be) sent
	 */
	public record Delivery(UUID id, String endpoint, WebhookEvent event, String status, boolean endpointDisabled,
			Instant createdAt, Instant deliveredAt, String body, List<Attempt> attempts) {
	}

}
