package com.acme.booking.workflow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race {@link StaleCancelGuard} keeps from the test server, made to happen: a signal
 * whose workflow task cancels an activity that finishes while the task is under way.
 * Without the guard the test server answers {@code ACTIVITY_UNKNOWN} and the workflow
 * never gets another task (the result below never comes); with it the task is failed, the
 * activity's result recorded, and the workflow goes on. To make the race happen, the
 * signal handler waits until the server has answered the activity's result: workflow code
 * that no booking workflow would have.
 */
class StaleCancelGuardTest {

	static volatile CountDownLatch activityStarted;

	static volatile CountDownLatch activityMayReturn;

	/** Counted down once the server has answered the activity's result. */
	static volatile CountDownLatch resultRecorded;

	static final AtomicBoolean raced = new AtomicBoolean();

	static volatile TestWorkflowEnvironment current;

	@ActivityInterface
	public interface Step {

		void step();

	}

	@WorkflowInterface
	public interface Superseding {

		@WorkflowMethod
		void run();

		@SignalMethod
		void change();

	}

	public static class SupersedingImpl implements Superseding {

		private CancellationScope pass;

		private boolean changed;

		@Override
		public void run() {
			Step step = Workflow.newActivityStub(Step.class,
					ActivityOptions.newBuilder()
						.setStartToCloseTimeout(Duration.ofMinutes(1))
						.setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
						.build());
			pass = Workflow.newCancellationScope(() -> Async.procedure(step::step));
			pass.run();
			Workflow.await(() -> changed);
			Workflow.sleep(Duration.ofHours(1));
		}

		@Override
		public void change() {
			if (raced.compareAndSet(false, true)) {
				// The activity finishes while this workflow task is under way.
				activityMayReturn.countDown();
				awaitQuietly(resultRecorded);
			}
			pass.cancel();
			changed = true;
		}

	}

	public static class StepImpl implements Step {

		@Override
		public void step() {
			activityStarted.countDown();
			awaitQuietly(activityMayReturn);
		}

	}

	@BeforeEach
	void freshRace() {
		activityStarted = new CountDownLatch(1);
		activityMayReturn = new CountDownLatch(1);
		resultRecorded = new CountDownLatch(1);
		raced.set(false);
	}

	@AfterEach
	void close() {
		if (current != null) {
			current.close();
		}
	}

	@Test
	void aWorkflowTaskCancellingAnActivityThatJustFinishedIsFailedAndTheWorkflowGoesOn() throws Exception {
		StaleCancelGuard guard = new StaleCancelGuard();
		TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
			.setWorkflowServiceStubsOptions(WorkflowServiceStubsOptions.newBuilder()
				.setGrpcClientInterceptors(List.of(guard, new ResultRecorded()))
				.build())
			.build());
		current = env;
		Worker worker = env.newWorker("superseding",
				WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(60_000).build());
		worker.registerWorkflowImplementationTypes(SupersedingImpl.class);
		worker.registerActivitiesImplementations(new StepImpl());
		env.start();
		Superseding workflow = env.getWorkflowClient()
			.newWorkflowStub(Superseding.class,
					WorkflowOptions.newBuilder().setTaskQueue("superseding").setWorkflowId("superseding").build());
		WorkflowClient.start(workflow::run);
		assertThat(activityStarted.await(20, TimeUnit.SECONDS)).isTrue();
		workflow.change();

		WorkflowStub.fromTyped(workflow).getResult(20, TimeUnit.SECONDS, Void.class);
		assertThat(guard.failedInstead).isEqualTo(1);
		assertThat(env.getWorkflowClient().fetchHistory("superseding").getEvents())
			.extracting(event -> event.getEventType())
			.contains(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Counts {@link #resultRecorded} down when the server has taken the activity's
	 * result.
	 */
	static final class ResultRecorded implements ClientInterceptor {

		@Override
		public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
				CallOptions callOptions, Channel next) {
			ClientCall<ReqT, RespT> call = next.newCall(method, callOptions);
			if (!method.getFullMethodName().endsWith("/RespondActivityTaskCompleted")) {
				return call;
			}
			return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
				@Override
				public void start(Listener<RespT> listener, Metadata headers) {
					super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
						@Override
						public void onClose(Status status, Metadata trailers) {
							if (status.isOk()) {
								resultRecorded.countDown();
							}
							super.onClose(status, trailers);
						}
					}, headers);
				}
			};
		}

	}

}
