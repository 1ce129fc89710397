package com.acme.booking.support;

import com.acme.booking.core.Booking;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * A booking's workflow as the service starts and addresses it: its id, its task queue.
 */
public final class BookingRuns {

	private BookingRuns() {
	}

	/** Starts the booking's workflow, as the API does after the booking is committed. */
	public static void start(WorkflowClient temporal, Booking booking) {
		BookingWorkflow workflow = temporal.newWorkflowStub(BookingWorkflow.class,
				WorkflowOptions.newBuilder()
					.setWorkflowId(BookingTemporal.workflowId(booking.id().toString()))
					.setTaskQueue(BookingTemporal.TASK_QUEUE)
					.build());
		WorkflowClient.start(workflow::run, booking.id().toString());
	}

	/** The running workflow of the booking, to signal or query it. */
	public static BookingWorkflow of(WorkflowClient temporal, Booking booking) {
		return temporal.newWorkflowStub(BookingWorkflow.class, BookingTemporal.workflowId(booking.id().toString()));
	}

}
