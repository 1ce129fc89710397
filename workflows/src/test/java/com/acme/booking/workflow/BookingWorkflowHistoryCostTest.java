package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CRM_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * What a booking's passes cost the Temporal server, counted in the history (a structural
 * measure; the benchmark measures time): the PostgreSQL bookkeeping runs as local
 * activities, so a pass takes one workflow task to start and one per sync or email
 * activity, and search attributes are upserted only when they change.
 */
class BookingWorkflowHistoryCostTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

	private static final Set<String> BOOKKEEPING = Set.of("LoadBookingSnapshot", "RecordSyncResult", "FlagManualSync");

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void createRescheduleAndCancelTakeOneWorkflowTaskPerActivityAndUpsertOnlyChanges() {
		Instant start = NOW.plus(Duration.ofDays(3));
		BookingRun run = world.book(ID, start);
		world.await("created", () -> caughtUp(1) && world.mail.sent(ID, "CHANGE").size() == 1 && run.settled());
		List<HistoryEvent> created = run.history().getEvents();
		long revision = world.database.reschedule(ID, start.plus(Duration.ofDays(1))).revision();
		run.workflow.bookingChanged();
		world.await("moved", () -> caughtUp(revision) && world.mail.sent(ID, "CHANGE").size() == 2 && run.settled());
		List<HistoryEvent> moved = run.history().getEvents();
		world.database.cancel(ID);
		run.workflow.bookingChanged();
		world.await("cancelled", () -> !run.running());
		List<HistoryEvent> all = run.history().getEvents();

		HistoryCost create = HistoryCost.of(created);
		HistoryCost reschedule = HistoryCost.of(moved, created.size());
		HistoryCost cancel = HistoryCost.of(all, moved.size());
		for (HistoryCost pass : List.of(create, reschedule, cancel)) {
			assertThat(pass.scheduledActivities()).containsOnlyKeys("SyncCalendar", "SyncCrm", "SyncWebhook",
					"SendBookingMail");
			assertThat(pass.localActivities()).containsOnly(entry("LoadBookingSnapshot", 1),
					entry("RecordSyncResult", 4));
			// One to start the pass (the first, or the change's signal), one per activity
			// completion at most; the test server's echoes are not the workflow's.
			assertThat(pass.workflowTasks() - pass.echoes()).isLessThanOrEqualTo(1 + 4);
		}
		// BookingId, CONFIRMED and every integration PENDING came with the start options:
		// only the four results are shown.
		assertThat(create.upserts()).isLessThanOrEqualTo(4);
		// Calendar, CRM and webhooks PENDING (with CANCELLED) in one upsert, the email's
		// PENDING from its lane, then the four results.
		assertThat(reschedule.upserts()).isLessThanOrEqualTo(6);
		assertThat(cancel.upserts()).isLessThanOrEqualTo(6);
		assertThat(run.searchAttribute(BookingTemporal.BOOKING_STATUS)).isEqualTo("CANCELLED");
	}

	@Test
	void aFlagIsRecordedByALocalActivity() {
		world.crm.outage().rejectNext("Property email is invalid (400)");
		BookingRun run = world.book(ID, NOW.plus(Duration.ofDays(3)));
		world.await("CRM flagged", () -> run.searchAttributeIs(CRM_SYNC, SyncState.MANUAL));

		assertThat(world.database.record(ID, Integration.CRM).manual()).isTrue();
		HistoryCost cost = HistoryCost.of(run.history().getEvents());
		assertThat(cost.localActivities()).containsKey("FlagManualSync");
		assertThat(cost.scheduledActivities()).doesNotContainKeys(BOOKKEEPING.toArray(String[]::new));
	}

	private boolean caughtUp(long revision) {
		return world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision
				&& world.database.record(ID, Integration.CRM).syncedRevision() == revision;
	}

}
