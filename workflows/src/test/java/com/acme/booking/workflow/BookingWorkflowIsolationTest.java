package com.acme.booking.workflow;

import java.time.Duration;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_SYNC;
import static com.acme.booking.workflow.BookingTemporal.CRM_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The calendar and the CRM converge independently: one failing never holds the other. */
class BookingWorkflowIsolationTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "5e7d2a10-3c4b-4f5e-8a9b-0c1d2e3f4a5b";

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void calendarSyncsWhileTheCrmKeepsFailing() {
		world.crm.outage().failAlways();

		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar synced", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));

		// The calendar did not wait for the CRM's retries to run out.
		assertThat(world.crm.attempts()).isLessThan(WorkflowTestSupport.RETRY.maximumAttempts());
		assertThat(run.syncStatus().crm()).isEqualTo(SyncState.PENDING);
		assertThat(world.calendar.event(ID)).isPresent();
		assertThat(world.database.record(ID, Integration.CALENDAR).synced()).isTrue();

		world.await("CRM flagged for manual sync", () -> run.searchAttributeIs(CRM_SYNC, SyncState.MANUAL));
		assertThat(world.database.record(ID, Integration.CRM).manual()).isTrue();
		assertThat(world.database.record(ID, Integration.CALENDAR).manual()).isFalse();
		assertThat(run.searchAttribute(CALENDAR_SYNC)).isEqualTo(SyncState.SYNCED.name());
		assertThat(world.calendar.attempts()).isEqualTo(1);
	}

	@Test
	void operatorRetryOfOneIntegrationDoesNotWaitForTheOthersRetries() {
		world.calendar.outage().failAlways();
		world.crm.outage().rejectNext("Property email is invalid (400)");

		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("CRM flagged for manual sync", () -> run.searchAttributeIs(CRM_SYNC, SyncState.MANUAL));
		assertThat(run.syncStatus().calendar()).isEqualTo(SyncState.PENDING);

		world.database.clearManualSync(ID);
		run.workflow.retrySync();
		// Well within the calendar's remaining backoff (7 minutes in all).
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "CRM synced after the operator's retry",
				() -> run.searchAttributeIs(CRM_SYNC, SyncState.SYNCED));

		assertThat(world.crm.hasContact(ID)).isTrue();
		assertThat(world.database.record(ID, Integration.CRM).synced()).isTrue();
		assertThat(world.database.record(ID, Integration.CALENDAR).manual()).isFalse();
	}

	@Test
	void disabledCrmIsShownDisabledAndNeverFlagged() {
		world.crm.disable();

		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("CRM shown disabled", () -> run.searchAttributeIs(CRM_SYNC, SyncState.DISABLED));
		world.await("calendar synced", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));

		FakeBookingDatabase.SyncRecord crm = world.database.record(ID, Integration.CRM);
		assertThat(crm.synced()).isFalse();
		assertThat(crm.manual()).isFalse();
		assertThat(world.crm.hasContact(ID)).isFalse();
		assertThat(run.syncStatus().crm()).isEqualTo(SyncState.DISABLED);
		// Nothing is waiting for an operator, so the workflow ends with the appointment.
		world.advanceTo(APPOINTMENT.plus(WorkflowTestSupport.DURATION).plus(Duration.ofMinutes(1)));
		assertThat(run.running()).isFalse();
	}

}
