package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_SYNC;
import static com.acme.booking.workflow.BookingTemporal.CRM_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static com.acme.booking.workflow.WorkflowTestSupport.DURATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow lives as long as the appointment: a change before the end must still be
 * pushed.
 */
class BookingWorkflowLifetimeTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "2f3e4d5c-6b7a-4980-a1b2-c3d4e5f6a7b8";

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void staysAliveUntilTheAppointmentHasEndedThenCompletes() {
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("both synced", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED)
				&& run.searchAttributeIs(CRM_SYNC, SyncState.SYNCED));

		Instant end = APPOINTMENT.plus(DURATION);
		world.advanceTo(end.minus(Duration.ofMinutes(1)));
		assertThat(run.running()).isTrue();

		world.advanceTo(end.plus(Duration.ofMinutes(1)));
		assertThat(run.executionStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		assertThat(run.describe().getCloseTime()).isAfterOrEqualTo(end);
		// Synced once: waiting for the end made no further calls.
		assertThat(world.calendar.attempts()).isEqualTo(1);
		assertThat(world.crm.attempts()).isEqualTo(1);
	}

	@Test
	void completesRightAwayForAnAppointmentThatHasAlreadyEnded() {
		Instant past = WorkflowTestSupport.NOW.minus(Duration.ofHours(2));
		BookingRun run = world.book(ID, past);
		world.await("workflow completed", () -> !run.running());

		assertThat(run.executionStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		assertThat(world.database.record(ID, Integration.CALENDAR).synced()).isTrue();
	}

}
