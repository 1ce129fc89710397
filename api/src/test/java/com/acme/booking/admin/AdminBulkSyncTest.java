package com.acme.booking.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.IntegrationSync;
import com.acme.booking.core.NewBooking;
import com.acme.booking.core.SyncBacklog;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.TestClock;
import com.acme.booking.workflow.Integration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/admin/bookings/sync}: an operator retries every flagged booking, or
 * one integration's, at once.
 */
@RunningService
class AdminBulkSyncTest {

	private static final String KEY = "test-admin-key";

	@LocalServerPort
	int port;

	@Autowired
	BookingRepository bookings;

	@Autowired
	SyncBacklog backlog;

	@Autowired
	MeterRegistry meters;

	@Test
	void retriesTheFlaggedBookingsOfOneIntegrationThenAllTheRest() {
		Http http = new Http(port);
		// Flagged bookings whose workflows have ended (a flagged workflow ends with its
		// appointment).
		Booking calendarFlagged = flagged(Integration.CALENDAR, "Google said 403 (CalendarAccessDenied)");
		Booking crmFlagged = flagged(Integration.CRM, "HubSpot said 401 (HubSpotUnauthorized)");

		Http.Response calendarOnly = http.post("/api/admin/bookings/sync", Map.of("integration", "CALENDAR"),
				"X-Api-Key", KEY);

		assertThat(calendarOnly.status()).as(calendarOnly.body()).isEqualTo(202);
		assertThat(calendarOnly.json().path("count").asInt()).isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(calendarFlagged.id()));
		assertThat(reload(calendarFlagged).sync(Integration.CALENDAR).manual()).isFalse();
		assertThat(reload(crmFlagged).sync(Integration.CRM).manual()).as("another integration's flag stays").isTrue();
		assertThat(reload(crmFlagged).sync(Integration.CRM).error())
			.isEqualTo("HubSpot said 401 (HubSpotUnauthorized)");

		Http.Response all = http.send("POST", "/api/admin/bookings/sync", "{\"integration\": null}", "X-Api-Key", KEY);

		assertThat(all.status()).as(all.body()).isEqualTo(202);
		assertThat(all.json().path("count").asInt()).isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(crmFlagged.id()));
		assertThat(reload(crmFlagged).sync(Integration.CRM).manual()).isFalse();
		assertThat(http.post("/api/admin/bookings/sync", null, "X-Api-Key", KEY).json().path("count").asInt())
			.as("nothing is flagged any more")
			.isZero();
	}

	@Test
	void retriesOnlyTheBookingsWhoseEmailIsFlaggedAndKeepsEveryOtherFlag() {
		Http http = new Http(port);
		Booking mailFlagged = flagged(Integration.MAIL, "The SMTP server cannot be reached");
		Booking calendarFlagged = flagged(Integration.CALENDAR, "Google said 403 (CalendarAccessDenied)");
		Booking crmFlagged = flagged(Integration.CRM, "HubSpot said 401 (HubSpotUnauthorized)");

		Http.Response mailOnly = http.post("/api/admin/bookings/sync", Map.of("integration", "MAIL"), "X-Api-Key", KEY);

		assertThat(mailOnly.status()).as(mailOnly.body()).isEqualTo(202);
		assertThat(mailOnly.json().path("count").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(reload(calendarFlagged).sync(Integration.CALENDAR))
			.as("another integration's flag stays, with its reason")
			.isEqualTo(new IntegrationSync(false, 0, true, "Google said 403 (CalendarAccessDenied)"));
		assertThat(reload(crmFlagged).sync(Integration.CRM))
			.isEqualTo(new IntegrationSync(false, 0, true, "HubSpot said 401 (HubSpotUnauthorized)"));
		assertThat(reload(mailFlagged).sync(Integration.MAIL).manual()).isFalse();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> reload(mailFlagged).sync(Integration.MAIL).syncedRevision() == mailFlagged.revision());
		assertThat(backlog.flagged(EnumSet.of(Integration.MAIL), null, 1000)).extracting(Booking::id)
			.doesNotContain(mailFlagged.id());
		assertThat(backlog.flagged(EnumSet.of(Integration.CALENDAR, Integration.CRM), null, 1000))
			.extracting(Booking::id)
			.contains(calendarFlagged.id(), crmFlagged.id());
	}

	@Test
	void theManualSyncGaugeHasASeriesPerIntegrationTheEmailIncluded() {
		Booking mailFlagged = flagged(Integration.MAIL, "The SMTP server cannot be reached");

		for (Integration integration : Integration.values()) {
			assertThat(meters.get("booking.sync.manual.backlog")
				.tag("integration", integration.name().toLowerCase(Locale.ROOT))
				.gauge()
				.value()).as(integration.name()).isGreaterThanOrEqualTo(0);
		}
		assertThat(meters.get("booking.sync.manual.backlog").tag("integration", "mail").gauge().value())
			.isGreaterThanOrEqualTo(1);
		bookings.recordSynced(mailFlagged.id(), Integration.MAIL, mailFlagged.revision(), null, true);
	}

	@Test
	void refusesAnUnknownIntegrationAndAMissingKey() {
		Http http = new Http(port);

		Http.Response unknown = http.post("/api/admin/bookings/sync", Map.of("integration", "FAX"), "X-Api-Key", KEY);
		Http.Response anonymous = http.post("/api/admin/bookings/sync", Map.of());

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("validation-failed");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.problemType()).isEqualTo("unauthorized");
	}

	private Booking flagged(Integration integration, String reason) {
		Instant start = Slots.fresh();
		Booking booking = bookings.insert(UUID.randomUUID(),
				new NewBooking("Ada", "bulk-" + UUID.randomUUID() + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
		bookings.flagManualSync(booking.id(), integration, reason);
		return booking;
	}

	private Booking reload(Booking booking) {
		return bookings.findById(booking.id()).orElseThrow();
	}

	private boolean caughtUp(UUID id) {
		Booking booking = bookings.findById(id).orElseThrow();
		return booking.sync(Integration.CALENDAR).syncedRevision() == booking.revision()
				&& booking.sync(Integration.CRM).syncedRevision() == booking.revision();
	}

}
