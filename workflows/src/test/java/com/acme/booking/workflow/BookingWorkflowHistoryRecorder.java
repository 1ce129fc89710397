package com.acme.booking.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_SYNC;
import static com.acme.booking.workflow.BookingTemporal.CRM_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the history {@link BookingWorkflowReplayTest} replays. Runs only on request,
 * after a deliberate, compatible change to the workflow's command sequence (or after
 * adding versioning):
 *
 * <pre>
 * mvn -o -pl workflows test -Dtest=BookingWorkflowHistoryRecorder -Dbooking.history.record=true
 * </pre>
 *
 * The scenario touches every path of the workflow: parallel syncs, an outage's flag
 * healed by a background try, a permanent failure flagged for manual sync and the
 * operator's {@code retrySync}, a change that reaches the workflow only through the
 * reconciler's {@code syncBehind}, the emails (confirmation, update after the reschedule,
 * the reminder timer), and the end-of-appointment timer.
 */
@EnabledIfSystemProperty(named = "booking.history.record", matches = "true")
class BookingWorkflowHistoryRecorder {

	static final String RESOURCE = "histories/booking-workflow.json";

	private static final Path TARGET = Path.of("src/test/resources", RESOURCE);

	static final String ID = "7c1d9e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	@Test
	void recordsTheReplayedHistory(TestWorkflowEnvironment env, Worker worker, WorkflowClient client)
			throws IOException {
		FakeWorld world = FakeWorld.start(env, worker);
		world.calendar.outage().failAlways();
		world.crm.outage().rejectNext("Property email is invalid (400)");

		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("CRM flagged for manual sync", () -> run.searchAttributeIs(CRM_SYNC, SyncState.MANUAL));
		world.await("calendar flagged after its retries", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));
		world.calendar.outage().heal();
		world.await("calendar healed by a background try",
				() -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));
		world.database.clearManualSync(ID);
		run.workflow.retrySync();
		world.await("CRM synced after the operator's retry", () -> run.searchAttributeIs(CRM_SYNC, SyncState.SYNCED));

		long revision = world.database.reschedule(ID, APPOINTMENT.plus(Duration.ofHours(2))).revision();
		// The API's bookingChanged was lost; the reconciler's syncBehind carries the
		// change.
		run.workflow.syncBehind(revision);
		world.await("reschedule synced",
				() -> world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision
						&& world.database.record(ID, Integration.CRM).syncedRevision() == revision);
		world.advanceTo(world.database.booking(ID).end().plus(Duration.ofMinutes(1)));
		assertThat(run.running()).isFalse();

		Files.createDirectories(TARGET.getParent());
		Files.writeString(TARGET, client.fetchHistory(BookingTemporal.workflowId(ID)).toJson(true));
	}

}
