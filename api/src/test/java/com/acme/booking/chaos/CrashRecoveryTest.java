package com.acme.booking.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.acme.booking.support.Http;
import com.acme.booking.system.ChildJvmApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill -9 the service while the syncs of fresh bookings and reschedules are in flight
 * (Google and HubSpot answer slowly), start it again on the same data: every sync
 * completes, once. The service runs in a process of its own, on embedded PostgreSQL and
 * the in-process Temporal server, which forgets every workflow at the kill.
 */
class CrashRecoveryTest {

	private static final int BOOKINGS = 30;

	private static final String ADMIN_KEY = "crash-admin-key";

	@TempDir
	Path dir;

	@Test
	void syncsInFlightWhenTheServiceIsKilledCompleteOnceAfterARestart() throws Exception {
		ChaosPlan calm = new ChaosPlan(ChaosSuiteTest.SEED, 0.0);
		Duration latency = Duration.ofMillis(400);
		try (GoogleCalendarStandIn google = new GoogleCalendarStandIn(calm, Duration.ofSeconds(3), latency);
				HubSpotStandIn hubspot = new HubSpotStandIn(calm, Duration.ofSeconds(3), latency)) {
			List<String> settings = new ArrayList<>(StandInSettings.of(google, hubspot,
					ServiceAccountKey.write(dir.resolve("key.json"), google.baseUrl() + "/token"),
					Duration.ofSeconds(3)));
			settings.add("booking.admin.api-key=" + ADMIN_KEY);
			// The in-process server forgets everything at the kill: the reconciler alone
			// must bring every sync back.
			settings.add("booking.temporal.mode=in-process");
			Path data = dir.resolve("data");
			Path log = dir.resolve("service.log");

			List<Customers.Customer> customers = new ArrayList<>();
			int writtenAtKill;
			try (ChildJvmApp app = ChildJvmApp.start(data, log, settings)) {
				Customers booking = new Customers(new Http(app.port()), ChaosSuiteTest.SEED);
				for (int n = 0; n < BOOKINGS; n++) {
					customers.add(n % 3 == 0 ? booking.rescheduleAtOnce(n) : booking.book(n));
				}
				await().atMost(Duration.ofSeconds(60)).until(() -> google.events.size() + hubspot.meetings.size() >= 3);
				app.kill();
				writtenAtKill = google.events.size() + hubspot.meetings.size();
			}
			assertThat(writtenAtKill).as("syncs were in flight at the kill").isLessThan(2 * BOOKINGS);

			try (ChildJvmApp app = ChildJvmApp.start(data, log, settings)) {
				Http http = new Http(app.port());
				await().atMost(Duration.ofMinutes(4))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(
							() -> assertThat(rows(http, customers)).as("bookings not yet synced after the restart")
								.filteredOn(r -> !r.calendarSynced() || !r.crmSynced())
								.isEmpty());
				WorldCheck.Outcome outcome = WorldCheck.compare(rows(http, customers), google, hubspot);
				assertThat(outcome.mismatches()).isEmpty();
				assertThat(outcome.flagged()).isEmpty();
			}
		}
	}

	/** The bookings as the restarted service reports them over its admin API. */
	private static List<WorldCheck.Row> rows(Http http, List<Customers.Customer> customers) {
		List<WorldCheck.Row> rows = new ArrayList<>();
		for (Customers.Customer customer : customers) {
			JsonNode b = http.get("/api/bookings/" + customer.id(), "X-Api-Key", ADMIN_KEY).json();
			// Emails are off in this test: no revision or email state to compare.
			rows.add(WorldCheck.Row.fromApi(b, customer.rescheduled()));
		}
		return rows;
	}

}
