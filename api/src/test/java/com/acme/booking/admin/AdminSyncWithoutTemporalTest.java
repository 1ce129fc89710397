package com.acme.booking.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.Integration;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import com.acme.booking.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * When the retry cannot reach Temporal, the operator is told so and the booking stays
 * flagged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminSyncWithoutTemporalTest {

	@LocalServerPort
	int port;

	@Autowired
	BookingRepository bookings;

	@MockitoBean
	BookingWorkflows workflows;

	@Test
	void keepsTheFlagsAndAnswers503WhenTheRetryCannotBeSent() {
		given(workflows.retry(any())).willReturn(false);
		Instant start = Slots.fresh();
		Booking booking = bookings.insert(UUID.randomUUID(),
				new NewBooking("Ada", "ada-" + UUID.randomUUID() + "@example.com", null, null, null, start,
						start.plusSeconds(1800), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)), TestClock.now());
		bookings.flagManualSync(booking.id(), Integration.CRM, "HubSpot said 401");

		Http.Response sync = new Http(port).post("/api/admin/bookings/" + booking.id() + "/sync", null, "X-Api-Key",
				"test-admin-key");

		assertThat(sync.status()).isEqualTo(503);
		assertThat(sync.problemType()).isEqualTo("sync-unavailable");
		Booking after = bookings.findById(booking.id()).orElseThrow();
		assertThat(after.requiresManualCrmSync()).isTrue();
		assertThat(after.crmSyncError()).isEqualTo("HubSpot said 401");
		assertThat(after.requiresManualCalendarSync()).isFalse();
	}

	@Test
	void theBulkRetryKeepsTheFlagsAndAnswers503WhenNothingCanBeSent() {
		given(workflows.retry(any())).willReturn(false);
		Instant start = Slots.fresh();
		Booking booking = bookings.insert(UUID.randomUUID(),
				new NewBooking("Ada", "ada-" + UUID.randomUUID() + "@example.com", null, null, null, start,
						start.plusSeconds(1800), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)), TestClock.now());
		bookings.flagManualSync(booking.id(), Integration.CALENDAR, "Google said 403");

		Http.Response sync = new Http(port).post("/api/admin/bookings/sync", java.util.Map.of(), "X-Api-Key",
				"test-admin-key");

		assertThat(sync.status()).isEqualTo(503);
		assertThat(sync.problemType()).isEqualTo("sync-unavailable");
		Booking after = bookings.findById(booking.id()).orElseThrow();
		assertThat(after.requiresManualCalendarSync()).isTrue();
		assertThat(after.calendarSyncError()).isEqualTo("Google said 403");
	}

}
