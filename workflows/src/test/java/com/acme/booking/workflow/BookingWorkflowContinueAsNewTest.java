package com.acme.booking.workflow;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_CONFLICT;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static com.acme.booking.workflow.WorkflowTestSupport.PROMPTLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose history grew past what the server suggests continues as new at its next
 * wake-up, and the new run carries on where it left off: it pushes the change that woke
 * it once, sends its email once, and clears a calendar clash the old run showed.
 */
class BookingWorkflowContinueAsNewTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";

	/**
	 * The test server suggests continue-as-new once a history has this many events, as a
	 * real server does by default.
	 */
	private static final int SUGGESTED_AT = 4096;

	private FakeWorld world;

	private WorkflowClient client;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
		client = env.getWorkflowClient();
	}

	@Test
	void aLongRunContinuesAsNewAndTheNewRunPushesTheChangeOnceAndClearsAnInheritedClash() {
		world.calendar.clashes(true);
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("clash shown", () -> "YES".equals(run.searchAttribute(CALENDAR_CONFLICT)) && run.settled()
				&& world.mail.sent(ID, "CHANGE").size() == 1);
		String firstRun = latest().getExecution().getRunId();
		grow(run);
		assertThat(latest().getExecution().getRunId()).as("only a wake-up continues as new").isEqualTo(firstRun);

		world.calendar.clashes(false);
		long revision = world.database.reschedule(ID, APPOINTMENT.plus(Duration.ofHours(3))).revision();
		run.workflow.bookingChanged();

		world.awaitWithin(PROMPTLY, "a new run synced the change",
				() -> !latest().getExecution().getRunId().equals(firstRun)
						&& world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision
						&& world.database.record(ID, Integration.MAIL).syncedRevision() == revision);
		WorkflowExecution first = WorkflowExecution.newBuilder()
			.setWorkflowId(BookingTemporal.workflowId(ID))
			.setRunId(firstRun)
			.build();
		assertThat(client.newUntypedWorkflowStub(first, Optional.empty()).describe().getStatus())
			.isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
		world.await("the new run shows the clash cleared", () -> "NO".equals(latestAttribute()));
		assertThat(world.mail.sent(ID, "CHANGE")).extracting(FakeMail.Sent::revision).containsExactly(1L, revision);
		assertThat(world.calendar.event(ID))
			.hasValueSatisfying(event -> assertThat(event.start()).isEqualTo(APPOINTMENT.plus(Duration.ofHours(3))));
	}

	/**
	 * The suggestion comes while an email attempt is under way: the run waits for it
	 * rather than abandon it, and every email attempt it scheduled completed in it.
	 */
	@Test
	void aRunNeverContinuesAsNewWhileAnEmailAttemptIsUnderWay() {
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1 && run.settled());
		String firstRun = latest().getExecution().getRunId();
		CountDownLatch relay = new CountDownLatch(1);
		world.mail.holdNextAttempt(relay);
		world.database.reschedule(ID, APPOINTMENT.plus(Duration.ofHours(1)));
		run.workflow.bookingChanged();
		world.await("update email under way", () -> activityOpen(firstRun, "SendBookingMail"));
		grow(run);
		long revision = world.database.reschedule(ID, APPOINTMENT.plus(Duration.ofHours(2))).revision();
		run.workflow.bookingChanged();
		world.await("the change synced while the email is under way",
				() -> world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision);
		assertThat(latest().getExecution().getRunId()).as("not continued while the email is under way")
			.isEqualTo(firstRun);

		relay.countDown();
		world.await("the email attempt completed in its run", () -> !activityOpen(firstRun, "SendBookingMail"));
		world.await("the last change's email",
				() -> world.database.record(ID, Integration.MAIL).syncedRevision() == revision);
		assertThat(world.mail.sent(ID, "CHANGE")).extracting(FakeMail.Sent::revision).endsWith(revision);
	}

	/**
	 * Signals that change nothing (the reconciler's, for a revision already loaded) grow
	 * the history until the server suggests continue-as-new.
	 */
	private void grow(BookingRun run) {
		while (run.history().getEvents().size() < SUGGESTED_AT) {
			for (int i = 0; i < 200; i++) {
				run.workflow.syncBehind(1);
			}
		}
	}

	/** An activity of that type scheduled in the run and not yet ended there. */
	private boolean activityOpen(String runId, String activityType) {
		WorkflowExecution execution = WorkflowExecution.newBuilder()
			.setWorkflowId(BookingTemporal.workflowId(ID))
			.setRunId(runId)
			.build();
		int open = 0;
		Set<Long> scheduled = new HashSet<>();
		for (HistoryEvent event : client.fetchHistory(execution.getWorkflowId(), runId).getEvents()) {
			switch (event.getEventType()) {
				case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
					if (event.getActivityTaskScheduledEventAttributes()
						.getActivityType()
						.getName()
						.equals(activityType)) {
						scheduled.add(event.getEventId());
						open++;
					}
				}
				case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
					open -= scheduled.contains(event.getActivityTaskCompletedEventAttributes().getScheduledEventId())
							? 1 : 0;
				case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
					open -= scheduled.contains(event.getActivityTaskFailedEventAttributes().getScheduledEventId()) ? 1
							: 0;
				default -> {
				}
			}
		}
		return open > 0;
	}

	private WorkflowExecutionDescription latest() {
		return client.newUntypedWorkflowStub(BookingTemporal.workflowId(ID)).describe();
	}

	private String latestAttribute() {
		return latest().getTypedSearchAttributes().get(CALENDAR_CONFLICT);
	}

}
