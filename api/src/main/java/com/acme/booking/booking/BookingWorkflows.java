package com.acme.booking.booking;

import java.util.UUID;
import java.util.function.BiConsumer;

import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowTargetOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reaches a booking's workflow from the API: starts it, or signals it (starting it first
 * if it is not running, as after a restart of the in-process server). Failures are
 * logged, not thrown: the booking is committed already and the reconciler starts any
 * workflow that could not be reached.
 */
@Component
public class BookingWorkflows {

	private static final Logger log = LoggerFactory.getLogger(BookingWorkflows.class);

	private final WorkflowClient client;

	public BookingWorkflows(WorkflowClient client) {
		this.client = client;
	}

	/**
	 * Starts the workflow of a new booking; true when it started or a run exists already.
	 * Never starts a second run after one finished: a start that waited in the dispatcher
	 * while the reconciler started the workflow and a cancel finished it must not push
	 * everything again (bringing a finished run back is for a change or a retry).
	 */
	public boolean start(UUID bookingId) {
		try {
			WorkflowClient.start(stub(bookingId, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)::run,
					bookingId.toString());
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
	 * Tells the workflow the booking changed, starting it if it is not running; false
	 * when Temporal could not be reached. A running workflow keeps its run and history:
	 * the signal only makes it look at the booking again.
	 */
	public boolean changed(UUID bookingId) {
		return signalWithStart(bookingId, (request, workflow) -> request.add(workflow::bookingChanged));
	}

	/**
	 * Tells the workflow the customer confirmed the hold, starting it if it is not
	 * running; false when Temporal could not be reached (the reconciler's
	 * {@code syncBehind} then does the same: the confirmation bumped the revision).
	 */
	public boolean verified(UUID bookingId) {
		return signalWithStart(bookingId, (request, workflow) -> request.add(workflow::verified));
	}

	/**
	 * Tells the workflow the booking's calendar drift changed, so that it shows it; false
	 * when Temporal could not be reached.
	 */
	public boolean driftChanged(UUID bookingId) {
		return signalWithStart(bookingId, (request, workflow) -> request.add(workflow::calendarDriftChanged));
	}

	/**
	 * Asks the workflow to try the flagged syncs again; false when Temporal could not be
	 * reached.
	 */
	public boolean retry(UUID bookingId) {
		return signalWithStart(bookingId, (request, workflow) -> request.add(workflow::retrySync));
	}

	/**
	 * Asks the workflow to send the booking's pending webhook deliveries (an operator
	 * reset one), starting it if it is not running; false when Temporal could not be
	 * reached.
	 */
	public boolean redeliverWebhooks(UUID bookingId) {
		return signalWithStart(bookingId, (request, workflow) -> request.add(workflow::redeliverWebhooks));
	}

	/**
	 * The reconciler's signal: PostgreSQL is at {@code revision}. Starts the workflow if
	 * it is not running; false when Temporal could not be reached.
	 */
	public boolean syncBehind(UUID bookingId, long revision) {
		return signalWithStart(bookingId, (request, workflow) -> request.add(workflow::syncBehind, revision));
	}

	/** What the booking's latest run is doing, as Temporal describes it. */
	public enum Progress {

		/**
		 * Not running (completed, terminated, never started) or Temporal could not tell.
		 */
		NOT_RUNNING,
		/**
		 * Running with an activity scheduled, under way or waiting for its next attempt.
		 */
		WORKING,
		/** Running with no activity at all: between passes, or stuck. */
		IDLE

	}

	/**
	 * The booking's latest run as the reconciler judges it: what it is doing, and which
	 * run that is (null when none is running).
	 */
	public record Run(Progress progress, String runId) {

		static final Run NOT_RUNNING = new Run(Progress.NOT_RUNNING, null);

	}

	public Run progress(UUID bookingId) {
		try {
			WorkflowExecutionDescription run = client
				.newUntypedWorkflowStub(BookingTemporal.workflowId(bookingId.toString()))
				.describe();
			if (run.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
				return Run.NOT_RUNNING;
			}
			Progress progress = run.getRawDescription().getPendingActivitiesCount() > 0 ? Progress.WORKING
					: Progress.IDLE;
			return new Run(progress, run.getExecution().getRunId());
		}
		catch (RuntimeException ex) {
			log.debug("Could not describe the workflow of booking {}: {}", bookingId, ex.toString());
			return Run.NOT_RUNNING;
		}
	}

	/**
	 * Terminates the run {@code runId}, judged stuck, and starts a fresh one at
	 * {@code revision}: safe, because the workflow converges from PostgreSQL and every
	 * write is idempotent. Only that run is terminated: a run started since (by a change,
	 * an operator, another reconciler) is signalled, never terminated. False when
	 * Temporal could not be reached.
	 */
	public boolean restart(UUID bookingId, String runId, long revision, String reason) {
		try {
			// Targets the run itself: a stub made from an id and a run id would terminate
			// whatever run is current.
			client
				.newUntypedWorkflowStub(WorkflowTargetOptions.newBuilder()
					.setWorkflowId(BookingTemporal.workflowId(bookingId.toString()))
					.setRunId(runId)
					.build())
				.terminate(reason);
		}
		catch (WorkflowNotFoundException alreadyGone) {
			// The judged run has ended already; the signal below reaches the current one.
		}
		catch (RuntimeException ex) {
			log.warn("Could not terminate the workflow of booking {}: {}", bookingId, ex.toString());
			return false;
		}
		return syncBehind(bookingId, revision);
	}

	private boolean signalWithStart(UUID bookingId, BiConsumer<BatchRequest, BookingWorkflow> signal) {
		try {
			BookingWorkflow workflow = stub(bookingId, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
			BatchRequest request = client.newSignalWithStartRequest();
			request.add(workflow::run, bookingId.toString());
			signal.accept(request, workflow);
			client.signalWithStart(request);
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not signal the workflow of booking {} (the reconciler will start it): {}", bookingId,
					ex.toString());
			return false;
		}
	}

	private BookingWorkflow stub(UUID bookingId, WorkflowIdReusePolicy reuse) {
		String id = bookingId.toString();
		WorkflowOptions options = WorkflowOptions.newBuilder()
			.setWorkflowId(BookingTemporal.workflowId(id))
			.setTaskQueue(BookingTemporal.TASK_QUEUE)
			.setWorkflowIdReusePolicy(reuse)
			// What the Web UI lists; the id only, no personal data (histories are stored
			// unencrypted).
			.setStaticSummary("Booking " + id)
			// Set with the start, so the run's first workflow task upserts none of them.
			.setTypedSearchAttributes(BookingTemporal.startAttributes(id))
			.build();
		return client.newWorkflowStub(BookingWorkflow.class, options);
	}

}
