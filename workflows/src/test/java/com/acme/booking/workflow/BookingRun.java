package com.acme.booking.workflow;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.WorkflowExecutionHistory;

/**
 * One booking's running workflow, seen from outside: the operator's and the API's view.
 */
final class BookingRun {

	final String bookingId;

	final BookingWorkflow workflow;

	private final WorkflowClient client;

	BookingRun(String bookingId, BookingWorkflow workflow, WorkflowClient client) {
		this.bookingId = bookingId;
		this.workflow = workflow;
		this.client = client;
	}

	/** A search attribute as the Temporal Web UI lists it (DescribeWorkflowExecution). */
	String searchAttribute(SearchAttributeKey<String> key) {
		return describe().getTypedSearchAttributes().get(key);
	}

	boolean searchAttributeIs(SearchAttributeKey<String> key, SyncState state) {
		return state.name().equals(searchAttribute(key));
	}

	WorkflowExecutionStatus executionStatus() {
		return describe().getStatus();
	}

	boolean running() {
		return executionStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
	}

	SyncStatus syncStatus() {
		return workflow.syncStatus();
	}

	/**
	 * No workflow task and no activity task open: the workflow waits for a signal or a
	 * timer, and its history holds everything the last pass did.
	 */
	boolean settled() {
		int tasks = 0;
		int activities = 0;
		for (HistoryEvent event : history().getEvents()) {
			switch (event.getEventType()) {
				case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> tasks++;
				case EVENT_TYPE_WORKFLOW_TASK_COMPLETED, EVENT_TYPE_WORKFLOW_TASK_FAILED,
						EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT ->
					tasks--;
				case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> activities++;
				case EVENT_TYPE_ACTIVITY_TASK_COMPLETED, EVENT_TYPE_ACTIVITY_TASK_FAILED,
						EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT, EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
					activities--;
				default -> {
				}
			}
		}
		return tasks == 0 && activities == 0;
	}

	/** The workflow's event history, as the Web UI shows it. */
	WorkflowExecutionHistory history() {
		return client.fetchHistory(BookingTemporal.workflowId(bookingId));
	}

	WorkflowExecutionDescription describe() {
		return WorkflowStub.fromTyped(workflow).describe();
	}

}
