package com.acme.booking.workflow;

import java.time.Duration;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays a recorded history (see {@link BookingWorkflowHistoryRecorder}) against the
 * current workflow code, so a change that would break workflows already running in
 * production fails here first. A change to the command sequence needs
 * {@code Workflow.getVersion} (then re-record), not just a re-recorded history.
 */
class BookingWorkflowReplayTest {

	/** Recorded before the mail activity and the reminder timer were added. */
	private static final String BEFORE_MAIL = "histories/booking-workflow-before-mail.json";

	/**
	 * Recorded before the bookkeeping became local activities and search attributes were
	 * upserted only on change.
	 */
	private static final String BEFORE_LEAN = "histories/booking-workflow-before-lean.json";

	private TestWorkflowEnvironment env;

	@BeforeEach
	void createEnvironment() {
		env = TestWorkflowEnvironment.newInstance();
	}

	@AfterEach
	void closeEnvironment() {
		env.close();
	}

	@Test
	void recordedHistoryReplaysOnTheCurrentWorkflow() {
		Worker worker = replayWorker(BookingWorkflowImpl.class);

		assertThatCode(() -> WorkflowReplayer
			.replayWorkflowExecutionFromResource(BookingWorkflowHistoryRecorder.RESOURCE, worker))
			.doesNotThrowAnyException();
	}

	/**
	 * Workflows started before the self-healing and email versions keep their path. The
	 * second history waits, flagged, for the operator without a timer (as that code did);
	 * replayed on the new path it would meet a timer and fail. The third was recorded
	 * before emails existed: it has no mail commands. The fourth schedules its PostgreSQL
	 * bookkeeping as (remote) activities and upserts every search attribute at every
	 * step.
	 */
	@ParameterizedTest
	@ValueSource(strings = { BookingWorkflowHistoryRecorder.RESOURCE_BEFORE_SELF_HEALING,
			BookingWorkflowHistoryRecorder.RESOURCE_FLAGGED_BEFORE_SELF_HEALING, BEFORE_MAIL, BEFORE_LEAN })
	void historiesRecordedBeforeSelfHealingAndEmailsStillReplay(String resource) {
		Worker worker = replayWorker(BookingWorkflowImpl.class);

		assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(resource, worker))
			.doesNotThrowAnyException();
	}

	@Test
	void replayFailsForAWorkflowWhoseCommandsChanged() {
		Worker worker = replayWorker(TimerFirstWorkflow.class);

		assertThatThrownBy(() -> WorkflowReplayer
			.replayWorkflowExecutionFromResource(BookingWorkflowHistoryRecorder.RESOURCE, worker))
			.hasStackTraceContaining("NonDeterministic");
	}

	private Worker replayWorker(Class<? extends BookingWorkflow> implementation) {
		Worker worker = env.newWorker(BookingTemporal.TASK_QUEUE);
		worker.registerWorkflowImplementationTypes(WorkflowTestSupport.RETRY.implementationOptions(), implementation);
		return worker;
	}

	/**
	 * Same workflow type, different commands: it waits before syncing, where the history
	 * shows an activity.
	 */
	public static class TimerFirstWorkflow implements BookingWorkflow {

		@Override
		public void run(String bookingId) {
			Workflow.sleep(Duration.ofMinutes(1));
		}

		@Override
		public void retrySync() {
		}

		@Override
		public void bookingChanged() {
		}

		@Override
		public void verified() {
		}

		@Override
		public void syncBehind(long revision) {
		}

		@Override
		public SyncStatus syncStatus() {
			return null;
		}

	}

}
