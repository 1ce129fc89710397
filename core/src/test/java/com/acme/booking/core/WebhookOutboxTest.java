package com.acme.booking.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.acme.booking.webhook.WebhookDeliveries;
import com.acme.booking.webhook.WebhookDeliveries.Change;
import com.acme.booking.webhook.WebhookEvent;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.NO_LIMIT;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.booking;
import static com.acme.booking.core.TestBookings.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The booking's changes as the webhooks' outbox on embedded PostgreSQL: which change is
 * which event, nothing for a detail-only edit or an unconfirmed hold, the later events of
 * a booking made before its history, a flag and its heal recorded once each with the
 * flag's statement and in the order of the commits, deliveries made once per endpoint (a
 * pass's all or none) and sent in order, a redelivery undone.
 */
@SpringBootTest
class WebhookOutboxTest {

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Autowired
	BookingRepository bookings;

	@Autowired
	WebhookDeliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
		jdbc.sql("DELETE FROM webhook_endpoint_disabled").update();
	}

	@Test
	void eachChangeIsTheEventItMeansAndADetailOnlyEditIsNone() {
		Booking made = insert(bookings, "ann@example.com", TEN);
		bookings.update(made.id(), new BookingChange(null, null, "Ann Other", null, null, null), BUFFER,
				NOW.plusSeconds(10), ChangeSource.CUSTOMER);
		Instant later = TEN.plus(Duration.ofHours(2));
		bookings.update(made.id(), new BookingChange(later, later.plus(HALF_HOUR), null, null, null, null), BUFFER,
				NOW.plusSeconds(20), ChangeSource.OPERATOR);
		Instant owners = TEN.plus(Duration.ofHours(4));
		bookings.update(made.id(), new BookingChange(owners, owners.plus(HALF_HOUR), null, null, null, null), BUFFER,
				NOW.plusSeconds(30), ChangeSource.CALENDAR_OWNER);
		bookings.cancel(made.id(), NOW.plusSeconds(40), ChangeSource.CUSTOMER);

		assertThat(deliveries.undelivered(made.id())).extracting(Change::event)
			.containsExactly(WebhookEvent.CREATED, WebhookEvent.RESCHEDULED, WebhookEvent.CHANGED_IN_CALENDAR,
					WebhookEvent.CANCELLED);
		assertThat(deliveries.undelivered(made.id())).extracting(Change::at)
			.containsExactly(NOW, NOW.plusSeconds(20), NOW.plusSeconds(30), NOW.plusSeconds(40));
	}

	@Test
	void aHoldIsNoBookingUntilConfirmed() {
		Booking held = bookings.hold(UUID.randomUUID(), booking("ann@example.com", TEN, HALF_HOUR), BUFFER, NO_LIMIT,
				NOW, Duration.ofMinutes(15), ChangeSource.CUSTOMER);
		Booking expired = bookings.hold(UUID.randomUUID(),
				booking("bob@example.com", TEN.plus(Duration.ofHours(2)), HALF_HOUR), BUFFER, NO_LIMIT, NOW,
				Duration.ofMinutes(15), ChangeSource.CUSTOMER);
		assertThat(bookings.flagManualSync(held.id(), Integration.MAIL, "SMTP down")).as("no event for a hold")
			.isFalse();
		assertThat(deliveries.undelivered(held.id())).isEmpty();
		assertThat(jdbc.sql("SELECT webhook_event(source, what) FROM booking_change WHERE booking_id = ?")
			.param(held.id())
			.query(String.class)
			.list()).as("the row that made the hold").containsOnlyNulls();

		bookings.verify(held.id(), NOW.plusSeconds(30));
		bookings.expireHold(expired.id(), NOW.plus(Duration.ofMinutes(15)));

		assertThat(deliveries.undelivered(held.id())).extracting(Change::event).containsExactly(WebhookEvent.CREATED);
		assertThat(deliveries.undelivered(expired.id())).isEmpty();
	}

	@Test
	void aBookingMadeBeforeItsHistoryWasKeptGetsItsLaterEvents() {
		Booking made = insert(bookings, "ann@example.com", TEN);
		jdbc.sql("DELETE FROM booking_change WHERE booking_id = ?").param(made.id()).update();
		Instant later = TEN.plus(Duration.ofHours(2));
		bookings.update(made.id(), new BookingChange(later, later.plus(HALF_HOUR), null, null, null, null), BUFFER,
				NOW.plusSeconds(20), ChangeSource.OPERATOR);
		assertThat(bookings.flagManualSync(made.id(), Integration.CRM, "HubSpot said 401")).isTrue();
		bookings.cancel(made.id(), NOW.plusSeconds(40), ChangeSource.CUSTOMER);

		assertThat(deliveries.undelivered(made.id())).extracting(Change::event)
			.containsExactly(WebhookEvent.RESCHEDULED, WebhookEvent.SYNC_FLAGGED, WebhookEvent.CANCELLED);
	}

	@Test
	void aFlagAndAHealWaitForAChangeUnderWaySoThatTheirOrderIsTheOrderOfTheCommits() throws Exception {
		Booking made = insert(bookings, "ann@example.com", TEN);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Boolean> flag = whileChanging(made, executor,
					() -> bookings.flagManualSync(made.id(), Integration.CRM, "HubSpot said 401"));
			assertThat(flag.get(10, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> heal = whileChanging(made, executor,
					() -> bookings.recordSynced(made.id(), Integration.CRM, 1, null, true));
			assertThat(heal.get(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Runs {@code write} while another transaction holds the booking's row as a change of
	 * it does; asserts that it waits for that transaction.
	 */
	private Future<Boolean> whileChanging(Booking booking, ExecutorService executor, Callable<Boolean> write)
			throws SQLException {
		try (Connection change = dataSource.getConnection()) {
			change.setAutoCommit(false);
			try (PreparedStatement lock = change
				.prepareStatement("SELECT id FROM booking WHERE id = ? FOR NO KEY UPDATE")) {
				lock.setObject(1, booking.id());
				lock.executeQuery().close();
			}
			Future<Boolean> written = executor.submit(write);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> written.isDone()
						|| jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
							.query(Long.class)
							.single() > 0);
			assertThat(written).as("waits for the change under way").isNotDone();
			change.commit();
			return written;
		}
	}

	@Test
	void theDeliveriesOfAPassAreMadeAllOrNone() {
		Booking made = insert(bookings, "ann@example.com", TEN);
		Change created = deliveries.undelivered(made.id()).get(0);

		assertThatThrownBy(() -> deliveries.create(made.id(),
				List.of(new WebhookDeliveries.New(created, "https://a.example/hook", "{}"),
						new WebhookDeliveries.New(created, "https://b.example/hook", null)),
				NOW))
			.isInstanceOf(DataAccessException.class);

		assertThat(deliveries.undelivered(made.id())).containsExactly(created);
		assertThat(deliveries.pending(made.id())).isEmpty();
	}

	@Test
	void aFlagAndItsHealAreRecordedOnceEachButNotForTheWebhooksThemselves() {
		Booking made = insert(bookings, "ann@example.com", TEN);

		assertThat(bookings.flagManualSync(made.id(), Integration.CRM, "HubSpot said 401")).isTrue();
		assertThat(bookings.flagManualSync(made.id(), Integration.CRM, "HubSpot said 401 again")).isFalse();
		assertThat(bookings.flagManualSync(made.id(), Integration.WEBHOOK, "HTTP 500")).isFalse();
		assertThat(bookings.recordSynced(made.id(), Integration.CALENDAR, 1, "event", true)).as("never flagged")
			.isFalse();
		assertThat(bookings.recordSynced(made.id(), Integration.CRM, 1, "contact", true)).isTrue();
		assertThat(bookings.recordSynced(made.id(), Integration.CRM, 1, "contact", true)).isFalse();

		assertThat(deliveries.undelivered(made.id())).extracting(Change::event)
			.containsExactly(WebhookEvent.CREATED, WebhookEvent.SYNC_FLAGGED, WebhookEvent.SYNC_HEALED);
		assertThat(bookings.findById(made.id()).orElseThrow().sync(Integration.CRM).manual()).isFalse();
	}

	@Test
	void deliveriesAreMadeOncePerEndpointAndPendingInOrderUntilDelivered() {
		Booking made = insert(bookings, "ann@example.com", TEN);
		bookings.cancel(made.id(), NOW.plusSeconds(40), ChangeSource.CUSTOMER);
		for (Change change : deliveries.undelivered(made.id())) {
			deliveries.create(made.id(), change, "https://a.example/hook", "{\"n\":" + change.seq() + "}", NOW);
			deliveries.create(made.id(), change, "https://a.example/hook", "{\"twice\":true}", NOW);
			deliveries.create(made.id(), change, "https://b.example/hook", "{}", NOW);
		}
		assertThat(deliveries.undelivered(made.id())).isEmpty();

		List<WebhookDeliveries.Pending> toA = deliveries.pending(made.id()).get("https://a.example/hook");
		assertThat(toA).hasSize(2);
		assertThat(toA.get(0).body()).doesNotContain("twice");
		deliveries.attempted(toA.get(0).id(), new WebhookDeliveries.Attempt(NOW, 500, "HTTP 500", 12), false);
		deliveries.attempted(toA.get(0).id(), new WebhookDeliveries.Attempt(NOW, 200, null, 8), true);

		assertThat(deliveries.pending(made.id()).get("https://a.example/hook"))
			.extracting(WebhookDeliveries.Pending::id)
			.containsExactly(toA.get(1).id());
		WebhookDeliveries.Delivery first = deliveries.of(made.id()).get(0);
		assertThat(first.id()).isEqualTo(toA.get(0).id());
		assertThat(first.status()).isEqualTo("DELIVERED");
		assertThat(first.attempts()).extracting(WebhookDeliveries.Attempt::httpStatus).containsExactly(500, 200);

		assertThat(deliveries.disable("https://a.example/hook", "410 Gone", NOW)).isTrue();
		assertThat(deliveries.disable("https://a.example/hook", "410 Gone", NOW)).as("disabled once").isFalse();
		assertThat(deliveries.redeliver(made.id(), first.id())).isPresent();
		assertThat(deliveries.redeliver(made.id(), UUID.randomUUID())).isEmpty();
		assertThat(deliveries.disabled()).as("a redelivery enables its endpoint again").isEmpty();
		assertThat(deliveries.pending(made.id()).get("https://a.example/hook"))
			.extracting(WebhookDeliveries.Pending::id)
			.containsExactly(toA.get(0).id(), toA.get(1).id());
	}

	@Test
	void aRedeliveryIsUndoneWhenItsWorkflowCannotBeToldAndItsEndpointShownWithoutCredentials() {
		Booking made = insert(bookings, "ann@example.com", TEN);
		Booking other = insert(bookings, "bob@example.com", TEN.plus(Duration.ofHours(2)));
		String endpoint = "https://user:pw@a.example/hook?key=s3cret";
		deliveries.create(made.id(), deliveries.undelivered(made.id()).get(0), endpoint, "{}", NOW);
		deliveries.create(other.id(), deliveries.undelivered(other.id()).get(0), endpoint, "{}", NOW);
		WebhookDeliveries.Delivery delivery = deliveries.of(made.id()).get(0);
		assertThat(delivery.endpoint()).isEqualTo("https://a.example/hook");
		deliveries.attempted(delivery.id(), new WebhookDeliveries.Attempt(NOW, 200, null, 8), true);
		deliveries.disable(endpoint, "410 Gone", NOW.plusSeconds(5));
		assertThat(deliveries.pendingBookings(endpoint)).containsExactly(other.id());

		WebhookDeliveries.Reset reset = deliveries.redeliver(made.id(), delivery.id()).orElseThrow();
		assertThat(reset.reenabled()).isTrue();
		assertThat(deliveries.pendingBookings(endpoint)).containsExactlyInAnyOrder(made.id(), other.id());
		deliveries.undo(reset);

		assertThat(deliveries.of(made.id())).singleElement().satisfies(undone -> {
			assertThat(undone.status()).isEqualTo("DELIVERED");
			assertThat(undone.deliveredAt()).isEqualTo(NOW);
			assertThat(undone.endpointDisabled()).isTrue();
		});
		assertThat(deliveries.disabled()).containsExactly(endpoint);
	}

}
