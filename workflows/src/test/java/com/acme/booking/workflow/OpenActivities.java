package com.acme.booking.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.grpc.Channel;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;

/**
 * Which of a workflow's activities the test server still holds open, asked over its gRPC
 * API: for {@link StaleCancelGuard}, which asks while it keeps activity results waiting.
 */
final class OpenActivities {

	/** Far more than an answer of the in-process server takes. */
	private static final long DEADLINE_SECONDS = 10;

	private OpenActivities() {
	}

	/** The workflow service on {@code channel}, each call bounded. */
	static WorkflowServiceBlockingStub service(Channel channel) {
		return WorkflowServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
	}

	/**
	 * True when an activity of {@code execution} scheduled by one of
	 * {@code scheduledEventIds} is no longer open: it completed, failed or timed out.
	 */
	static boolean anyClosed(String namespace, WorkflowExecution execution, List<Long> scheduledEventIds,
			Channel channel) {
		Set<String> open = service(channel).describeWorkflowExecution(
				DescribeWorkflowExecutionRequest.newBuilder().setNamespace(namespace).setExecution(execution).build())
			.getPendingActivitiesList()
			.stream()
			.map(PendingActivityInfo::getActivityId)
			.collect(Collectors.toSet());
		Map<Long, String> activityIds = scheduled(namespace, execution, channel);
		return scheduledEventIds.stream().anyMatch(id -> !open.contains(activityIds.get(id)));
	}

	/** The activity id of each activity the history schedules, by the event's id. */
	private static Map<Long, String> scheduled(String namespace, WorkflowExecution execution, Channel channel) {
		Map<Long, String> ids = new HashMap<>();
		GetWorkflowExecutionHistoryRequest.Builder request = GetWorkflowExecutionHistoryRequest.newBuilder()
			.setNamespace(namespace)
			.setExecution(execution);
		do {
			GetWorkflowExecutionHistoryResponse page = service(channel).getWorkflowExecutionHistory(request.build());
			for (HistoryEvent event : page.getHistory().getEventsList()) {
				if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
					ids.put(event.getEventId(), event.getActivityTaskScheduledEventAttributes().getActivityId());
				}
			}
			request.setNextPageToken(page.getNextPageToken());
		}
		while (!request.getNextPageToken().isEmpty());
		return ids;
	}

}
