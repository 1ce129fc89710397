package com.acme.booking.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingHistory;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.core.IntegrationSync;
import com.acme.booking.core.SyncBacklog;
import com.acme.booking.mail.NewManageLinkMail;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.support.Http;
import com.acme.booking.web.MockHttp;
import com.acme.booking.web.WebSlice;
import com.acme.booking.webhook.WebhookDeliveries;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;

/**
 * The operators' endpoints: only the admin key gets in, and when the retry cannot reach
 * Temporal the operator is told so and the booking stays flagged. PostgreSQL is a mock; a
 * booking's flags live in {@link #flags}, changed as the repository's statements change
 * them (the statements themselves: BookingSyncBookkeepingTest, SyncBacklogTest).
 */
@WebSlice(AdminController.class)
@Import(BulkRetry.class)
class AdminControllerTest {

	static final String ADMIN = "test-admin-key";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BookingRepository bookings;

	@MockitoBean
	SyncBacklog backlog;

	@MockitoBean
	BookingWorkflows workflows;

	@MockitoBean
	BookingMessages messages;

	@MockitoBean
	NewManageLinkMail newLinks;

	@MockitoBean
	BookingHistory history;

	@MockitoBean
	WebhookDeliveries webhooks;

	/** The booking's manual-sync flags with their reasons. */
	final Map<Integration, String> flags = new EnumMap<>(Integration.class);

	MockHttp http;

	@BeforeEach
	void setUp() {
		http = new MockHttp(mvc);
	}

	@Test
	void keepsTheFlagsAndAnswers503WhenTheRetryCannotBeSent() {
		given(workflows.retry(any())).willReturn(false);
		Booking booking = flagged(Integration.CRM, "HubSpot said 401");

		Http.Response sync = http.post("/api/admin/bookings/" + booking.id() + "/sync", null, "X-Api-Key", ADMIN);

		assertThat(sync.status()).isEqualTo(503);
		assertThat(sync.problemType()).isEqualTo("sync-unavailable");
		assertThat(flags).containsExactly(Map.entry(Integration.CRM, "HubSpot said 401"));
	}

	@Test
	void theBulkRetryKeepsTheFlagsAndAnswers503WhenNothingCanBeSent() {
		given(workflows.retry(any())).willReturn(false);
		Booking booking = flagged(Integration.CALENDAR, "Google said 403");
		given(backlog.flagged(eq(EnumSet.allOf(Integration.class)), any(), anyInt())).willReturn(List.of(booking));

		Http.Response sync = http.post("/api/admin/bookings/sync", Map.of(), "X-Api-Key", ADMIN);

		assertThat(sync.status()).isEqualTo(503);
		assertThat(sync.problemType()).isEqualTo("sync-unavailable");
		assertThat(flags).containsExactly(Map.entry(Integration.CALENDAR, "Google said 403"));
	}

	@Test
	void aRedeliveryThatCannotReachTemporalAnswers503AndAnUnknownOne404() {
		Booking booking = flagged(Integration.WEBHOOK, "HTTP 500");
		UUID delivery = UUID.randomUUID();
		WebhookDeliveries.Reset reset = new WebhookDeliveries.Reset(delivery, "https://a.example/hook", "DELIVERED",
				Instant.parse("2026-12-01T08:00:00Z"), null, null);
		given(webhooks.redeliver(booking.id(), delivery)).willReturn(Optional.of(reset));
		given(workflows.redeliverWebhooks(booking.id())).willReturn(false);
		String path = "/api/admin/bookings/" + booking.id() + "/webhooks/";

		Http.Response unreachable = http.post(path + delivery + "/redeliver", null, "X-Api-Key", ADMIN);
		Http.Response unknown = http.post(path + UUID.randomUUID() + "/redeliver", null, "X-Api-Key", ADMIN);

		assertThat(unreachable.status()).isEqualTo(503);
		assertThat(unreachable.problemType()).isEqualTo("sync-unavailable");
		then(webhooks).should().undo(reset);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(http.post(path + delivery + "/redeliver", null).status()).isEqualTo(401);
	}

	@Test
	void aRedeliveryThatEnablesItsEndpointAgainResumesEveryBookingWithDeliveriesToIt() {
		Booking booking = flagged(Integration.WEBHOOK, "HTTP 410");
		UUID delivery = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		given(webhooks.redeliver(booking.id(), delivery)).willReturn(Optional.of(new WebhookDeliveries.Reset(delivery,
				"https://a.example/hook", "PENDING", null, Instant.parse("2026-12-01T08:00:00Z"), "410 Gone")));
		given(webhooks.pendingBookings("https://a.example/hook")).willReturn(List.of(booking.id(), other));
		given(workflows.redeliverWebhooks(any())).willReturn(true);

		Http.Response redelivered = http.post(
				"/api/admin/bookings/" + booking.id() + "/webhooks/" + delivery + "/redeliver", null, "X-Api-Key",
				ADMIN);

		assertThat(redelivered.status()).isEqualTo(202);
		then(workflows).should().redeliverWebhooks(booking.id());
		then(workflows).should().redeliverWebhooks(other);
		then(webhooks).should(never()).undo(any());
	}

	@Test
	void adminEndpointsNeedTheKey() {
		for (String path : new String[] { "/api/admin/bookings",
				"/api/admin/bookings/" + UUID.randomUUID() + "/messages" }) {
			Http.Response none = http.get(path);
			assertThat(none.status()).isEqualTo(401);
			assertThat(none.problemType()).isEqualTo("unauthorized");
			assertThat(http.get(path, "X-Api-Key", "wrong").status()).isEqualTo(401);
		}
		assertThat(http.post("/api/admin/bookings/" + UUID.randomUUID() + "/sync", null).status()).isEqualTo(401);
	}

	@Test
	void neverTalksAboutTokensToAnOperator() {
		assertThat(http.get("/api/admin/bookings/3f0c0000-0000-4000-8000-000000000000/messages", "X-Api-Key", ADMIN)
			.json()
			.path("detail")
			.asString()).doesNotContainIgnoringCase("token");
	}

	/**
	 * A stored booking flagged for {@code integration}; the repository's clear and flag
	 * statements act on {@link #flags}.
	 */
	private Booking flagged(Integration integration, String reason) {
		UUID id = UUID.randomUUID();
		flags.put(integration, reason);
		Instant start = Instant.parse("2030-06-03T09:00:00Z");
		Instant created = start.minus(Duration.ofDays(7));
		Booking booking = new Booking(id, BookingStatus.CONFIRMED, "Ada", "ada@example.com", null, null, null, start,
				start.plusSeconds(1800), "Europe/London", 1, null, created, created,
				Map.of(integration, new IntegrationSync(false, 0, true, reason)));
		given(bookings.findById(id)).willReturn(Optional.of(booking));
		willAnswer(call -> {
			Set<Integration> cleared = call.getArgument(1);
			flags.keySet().removeAll(cleared);
			return null;
		}).given(bookings).clearManualSync(eq(id), any());
		willAnswer(call -> {
			flags.put(call.getArgument(1), call.getArgument(2));
			return true;
		}).given(bookings).flagManualSync(eq(id), any(), any());
		return booking;
	}

}
