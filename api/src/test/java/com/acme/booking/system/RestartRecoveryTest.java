package com.acme.booking.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.TestClock;
import com.acme.booking.system.RunningApp.SyncRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing lost on a crash: the in-process Temporal server forgets every workflow when the
 * service stops, so after a restart the reconciler must start the workflow of every
 * booking whose sync is unfinished.
 */
class RestartRecoveryTest {

	private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path dataDir;

	@Test
	void bookingsWithSyncsPendingAtShutdownAllSyncAfterARestart() {
		List<UUID> ids = new ArrayList<>();
		try (RunningApp app = RunningApp.start(dataDir, "spring.temporal.start-workers=false")) {
			Map<String, Object> plain = app.book(0);
			Map<String, Object> renamed = app.book(1);
			Map<String, Object> cancelled = app.book(2);
			app.rename(renamed, "Customer One Renamed");
			app.cancel(cancelled);
			UUID committedButNeverStarted = commitWithoutWorkflow(app, 4);
			for (Map<String, Object> booking : List.of(plain, renamed, cancelled)) {
				ids.add(UUID.fromString((String) booking.get("id")));
			}
			ids.add(committedButNeverStarted);

			assertThat(app.syncRows()).hasSize(4)
				.allSatisfy(row -> assertThat(row.calendarSyncedRevision()).isLessThan(row.revision()))
				.allSatisfy(row -> assertThat(row.crmSyncedRevision()).isLessThan(row.revision()));
			assertThat(app.syncRows()).filteredOn(row -> row.revision() == 2).hasSize(2);
			assertThat(app.syncRows()).noneMatch(SyncRow::caughtUp);
		}

		try (RunningApp app = RunningApp.start(dataDir)) {
			await().atMost(SYNC_TIMEOUT)
				.untilAsserted(() -> assertThat(app.syncRows()).hasSize(4)
					.allMatch(SyncRow::caughtUp, "calendar, CRM and mail synced revisions reached the revision"));
		}
	}

	@Test
	void theReconcilerStartsTheWorkflowOfABookingCommittedWithoutOne() {
		try (RunningApp app = RunningApp.start(dataDir, "booking.sync.reconcile-interval=500ms")) {
			UUID id = commitWithoutWorkflow(app, 0);
			assertThat(app.syncRows()).singleElement().matches(row -> !row.caughtUp(), "behind");

			await().atMost(SYNC_TIMEOUT)
				.untilAsserted(
						() -> assertThat(app.syncRows()).singleElement().matches(SyncRow::caughtUp, "caught up"));
		}
	}

	/**
	 * The crash between commit and start: the row is in PostgreSQL, no workflow was ever
	 * asked for.
	 */
	private static UUID commitWithoutWorkflow(RunningApp app, int n) {
		UUID id = UUID.randomUUID();
		Instant start = RunningApp.slot(n).toInstant();
		NewBooking booking = new NewBooking("Crashed " + n, "crashed" + n + "@example.com", null, null, null, start,
				start.plus(Duration.ofMinutes(30)), "Europe/London");
		app.bookings()
			.insert(id, booking, Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)), TestClock.now(),
					ChangeSource.CUSTOMER);
		return id;
	}

}
