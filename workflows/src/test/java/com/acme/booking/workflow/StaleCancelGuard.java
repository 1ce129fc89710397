package com.acme.booking.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.CommandType;
import io.temporal.api.enums.v1.WorkflowTaskFailedCause;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedResponse;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskFailedRequest;

/**
 * Keeps the SDK's time-skipping test server out of a race it cannot handle.
 * <p>
 * A workflow task that cancels an activity (a change superseding a sync pass) can reach
 * the server just after that activity finished. Temporal's server records the cancel
 * request and goes on; the test server answers {@code FAILED_PRECONDITION:
 * ACTIVITY_UNKNOWN}, after it has already marked the workflow task complete, and is left
 * wedged: the workflow never gets another task, and the task's time-skipping lock is
 * never released, so test time from then on runs at wall-clock speed. A test then waits
 * for good.
 * <p>
 * This client interceptor, on the workers' connection to the test server, makes the
 * activity results and such a completion take turns (activity results share a gate, a
 * completion that cancels takes it alone), and checks, while it holds the gate, whether
 * every activity the completion cancels is still open. If one is not, it fails the
 * workflow task instead, as the test server itself does when new events arrive for a
 * completion that would end the workflow: the server records the activity's result and
 * schedules a new task, and the worker, told its completion was not taken, replays the
 * history with the result in it. The workflow code sees one of the two orders the real
 * server can produce; nothing else changes.
 */
final class StaleCancelGuard implements ClientInterceptor {

	private static final String SERVICE = "temporal.api.workflowservice.v1.WorkflowService/";

	private static final Set<String> ACTIVITY_RESULTS = Set.of("RespondActivityTaskCompleted",
			"RespondActivityTaskCompletedById", "RespondActivityTaskFailed", "RespondActivityTaskFailedById",
			"RespondActivityTaskCanceled", "RespondActivityTaskCanceledById");

	private final StampedLock gate = new StampedLock();

	/** The execution of each workflow task handed to a worker, by task token. */
	private final Map<ByteString, WorkflowExecution> tasks = new ConcurrentHashMap<>();

	/** Workflow tasks failed instead of completed; read by the guard's own test. */
	volatile int failedInstead;

	@Override
	public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
			CallOptions callOptions, Channel next) {
		String name = method.getFullMethodName().startsWith(SERVICE)
				? method.getFullMethodName().substring(SERVICE.length()) : "";
		if (ACTIVITY_RESULTS.contains(name)) {
			return new Gated<>(next.newCall(method, callOptions));
		}
		return switch (name) {
			case "PollWorkflowTaskQueue" -> new Watched<>(next.newCall(method, callOptions));
			case "RespondWorkflowTaskCompleted" -> new Completion<>(method, callOptions, next);
			default -> next.newCall(method, callOptions);
		};
	}

	private void remember(Object response) {
		// A legacy query task comes the same way; its answer is not a completion.
		if (response instanceof PollWorkflowTaskQueueResponse task && !task.getTaskToken().isEmpty()
				&& !task.hasQuery()) {
			tasks.put(task.getTaskToken(), task.getWorkflowExecution());
		}
		else if (response instanceof RespondWorkflowTaskCompletedResponse completed && completed.hasWorkflowTask()) {
			remember(completed.getWorkflowTask());
		}
	}

	/** The activities {@code request} cancels, by the event id of their scheduling. */
	private static List<Long> cancelledActivities(RespondWorkflowTaskCompletedRequest request) {
		return request.getCommandsList()
			.stream()
			.filter(command -> command.getCommandType() == CommandType.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK)
			.map(command -> command.getRequestCancelActivityTaskCommandAttributes().getScheduledEventId())
			.toList();
	}

	private void failInstead(RespondWorkflowTaskCompletedRequest request, Channel channel) {
		failedInstead++;
		OpenActivities.service(channel)
			.respondWorkflowTaskFailed(RespondWorkflowTaskFailedRequest.newBuilder()
				.setNamespace(request.getNamespace())
				.setTaskToken(request.getTaskToken())
				.setIdentity(request.getIdentity())
				.setCause(WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND)
				.build());
	}

	/** Remembers the execution of every workflow task a poll returns. */
	private final class Watched<ReqT, RespT> extends ForwardingClientCall.SimpleForwardingClientCall<ReqT, RespT> {

		Watched(ClientCall<ReqT, RespT> delegate) {
			super(delegate);
		}

		@Override
		public void start(Listener<RespT> listener, Metadata headers) {
			super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
				@Override
				public void onMessage(RespT message) {
					remember(message);
					super.onMessage(message);
				}
			}, headers);
		}

	}

	/** An activity result: shares the gate until the server has answered. */
	private final class Gated<ReqT, RespT> extends ForwardingClientCall.SimpleForwardingClientCall<ReqT, RespT> {

		Gated(ClientCall<ReqT, RespT> delegate) {
			super(delegate);
		}

		@Override
		public void start(Listener<RespT> listener, Metadata headers) {
			long stamp = gate.readLock();
			try {
				super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
					@Override
					public void onClose(Status status, Metadata trailers) {
						gate.unlockRead(stamp);
						super.onClose(status, trailers);
					}
				}, headers);
			}
			catch (RuntimeException ex) {
				gate.unlockRead(stamp);
				throw ex;
			}
		}

	}

	/**
	 * A workflow task's completion: starts only once its request is known, and holds the
	 * gate alone when it cancels an activity.
	 */
	private final class Completion<ReqT, RespT> extends ClientCall<ReqT, RespT> {

		private final MethodDescriptor<ReqT, RespT> method;

		private final CallOptions callOptions;

		private final Channel next;

		private Listener<RespT> listener;

		private Metadata headers;

		private int requested;

		private ClientCall<ReqT, RespT> delegate;

		Completion(MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
			this.method = method;
			this.callOptions = callOptions;
			this.next = next;
		}

		@Override
		public void start(Listener<RespT> listener, Metadata headers) {
			this.listener = listener;
			this.headers = headers;
		}

		@Override
		public void request(int numMessages) {
			if (delegate != null) {
				delegate.request(numMessages);
			}
			else {
				requested += numMessages;
			}
		}

		@Override
		public void sendMessage(ReqT message) {
			RespondWorkflowTaskCompletedRequest request = (RespondWorkflowTaskCompletedRequest) message;
			List<Long> cancelled = cancelledActivities(request);
			boolean alone = !cancelled.isEmpty();
			long stamp = alone ? gate.writeLock() : 0;
			boolean handedOver = false;
			try {
				// Asked on the connection below this interceptor. A retried completion
				// (the
				// SDK retries some failures) is checked again: its task stays known until
				// the server takes it.
				WorkflowExecution execution = tasks.get(request.getTaskToken());
				if (alone && execution != null
						&& OpenActivities.anyClosed(request.getNamespace(), execution, cancelled, next)) {
					failInstead(request, next);
					tasks.remove(request.getTaskToken());
					listener.onClose(
							Status.NOT_FOUND.withDescription(
									"Workflow task failed instead: it cancels an activity that has finished"),
							new Metadata());
					return;
				}
				delegate = next.newCall(method, callOptions);
				delegate.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
					@Override
					public void onMessage(RespT response) {
						remember(response);
						super.onMessage(response);
					}

					@Override
					public void onClose(Status status, Metadata trailers) {
						if (status.isOk()) {
							tasks.remove(request.getTaskToken());
						}
						if (alone) {
							gate.unlockWrite(stamp);
						}
						super.onClose(status, trailers);
					}
				}, headers);
				handedOver = true;
				if (requested > 0) {
					delegate.request(requested);
				}
				delegate.sendMessage(message);
			}
			finally {
				if (alone && !handedOver) {
					gate.unlockWrite(stamp);
				}
			}
		}

		@Override
		public void halfClose() {
			if (delegate != null) {
				delegate.halfClose();
			}
		}

		@Override
		public void cancel(String message, Throwable cause) {
			if (delegate != null) {
				delegate.cancel(message, cause);
			}
			else if (listener != null) {
				listener.onClose(Status.CANCELLED.withDescription(message).withCause(cause), new Metadata());
			}
		}

		@Override
		public boolean isReady() {
			return delegate == null || delegate.isReady();
		}

	}

}
