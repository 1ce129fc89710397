package com.acme.booking.booking;

import java.util.UUID;

import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.SyncState;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reaches a booking's workflow from the API: starts it, or signals it (starting it first if it is not running, as
 * after a restart of the in-process server). Failures are logged, not thrown: the booking is committed already and
 * the reconciler starts any workflow that could not be reached.
 */
@Component
public class BookingWorkflows {

	private static final Logger log = LoggerFactory.getLogger(BookingWorkflows.class);

	private final WorkflowClient client;

	public BookingWorkflows(WorkflowClient client) {
		this.client = client;
	}

	/** Starts the workflow; true when it started or was running already. */
	public boolean start(UUID bookingId) {
		try {
			WorkflowClient.start(stub(bookingId)::run, bookingId.toString());
			return true;
		}
		catch (WorkflowExecutionAlreadyStarted ex) {
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not start the workflow of booking {} (the reconciler will): {}", bookingId, ex.toString());
			return false;
		}
	}

	/**
	 * Tells the workflow the booking changed, starting it if it is not running; false when Temporal could not be
	 * reached. A running workflow keeps its run and history: the signal only makes it look at the booking again.
	 */
	public boolean changed(UUID bookingId) {
		return signalWithStart(bookingId, false);
	}

	/** Asks the workflow to try the flagged syncs again; false when Temporal could not be reached. */
	public boolean retry(UUID bookingId) {
		return signalWithStart(bookingId, true);
	}

	private boolean signalWithStart(UUID bookingId, boolean retry) {
		try {
			BookingWorkflow workflow = stub(bookingId);
			BatchRequest request = client.newSignalWithStartRequest();
			request.add(workflow::run, bookingId.toString());
			if (retry) {
				request.add(workflow::retrySync);
			}
			else {
				request.add(workflow::bookingChanged);
			}
			client.signalWithStart(request);
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not signal the workflow of booking {} (the reconciler will start it): {}", bookingId,
					ex.toString());
			return false;
		}
	}

	private BookingWorkflow stub(UUID bookingId) {
		String id = bookingId.toString();
		WorkflowOptions options = WorkflowOptions.newBuilder()
			.setWorkflowId(BookingTemporal.workflowId(id))
			.setTaskQueue(BookingTemporal.TASK_QUEUE)
			.setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
			// What the Web UI lists; the id only, no personal data (histories are stored unencrypted).
			.setStaticSummary("Booking " + id)
			.setTypedSearchAttributes(SearchAttributes.newBuilder()
				.set(BookingTemporal.BOOKING_ID, id)
				.set(BookingTemporal.CALENDAR_SYNC, SyncState.PENDING.name())
				.set(BookingTemporal.CRM_SYNC, SyncState.PENDING.name())
				.build())
			.build();
		return client.newWorkflowStub(BookingWorkflow.class, options);
	}

}
