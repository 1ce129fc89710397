package com.acme.booking.support;

import java.util.List;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.client.WorkflowClient;

/** What a workflow's history shows, for tests that check how it was reached. */
public final class WorkflowHistories {

	private WorkflowHistories() {
	}

	/** The names of the signals the workflow's latest run received, in order. */
	public static List<String> signals(WorkflowClient temporal, String workflowId) {
		return temporal.fetchHistory(workflowId)
			.getEvents()
			.stream()
			.filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
			.map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
			.map(WorkflowExecutionSignaledEventAttributes::getSignalName)
			.toList();
	}

}
