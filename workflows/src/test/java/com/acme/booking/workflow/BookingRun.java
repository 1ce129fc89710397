package com.acme.booking.workflow;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
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

	/** The workflow's event history, as the Web UI shows it. */
	WorkflowExecutionHistory history() {
		return client.fetchHistory(BookingTemporal.workflowId(bookingId));
	}

	WorkflowExecutionDescription describe() {
		return WorkflowStub.fromTyped(workflow).describe();
	}

}
