package com.acme.booking.workflow;

import java.time.Duration;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays a recorded history (see {@link BookingWorkflowHistoryRecorder}) against the
 * current workflow code, so a change that would break workflows already running in
 * production fails here first. Until the first release the history is simply re-recorded
 * after a change; from 1.0 on a change to the command sequence needs
 * {@code Workflow.getVersion}, and the released history stays beside the new one (see
 * docs/workflow.md, "Versioning").
 */
class BookingWorkflowReplayTest {

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
		public void calendarDriftChanged() {
		}

		@Override
		public void redeliverWebhooks() {
		}

		@Override
		public SyncStatus syncStatus() {
			return null;
		}

	}

}
