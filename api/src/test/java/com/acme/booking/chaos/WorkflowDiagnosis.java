package com.acme.booking.chaos;

import java.util.List;
import java.util.stream.Collectors;

import com.acme.booking.core.Booking;
import com.acme.booking.workflow.BookingTemporal;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;

/** What a failed chaos run prints about the workflows of unsettled bookings: status and pending activities. */
final class WorkflowDiagnosis {

	private WorkflowDiagnosis() {
	}

	static String describe(WorkflowClient client, List<Booking> bookings) {
		return bookings.stream().map(b -> describe(client, b)).collect(Collectors.joining("\n", "\n", ""));
	}

	private static String describe(WorkflowClient client, Booking booking) {
		try {
			var description = client.newUntypedWorkflowStub(BookingTemporal.workflowId(booking.id().toString()))
				.describe()
				.getRawDescription();
			String pending = description.getPendingActivitiesList()
				.stream()
				.map(WorkflowDiagnosis::activity)
				.collect(Collectors.joining("; "));
			return booking.id() + " rev " + booking.revision() + ": " + description.getWorkflowExecutionInfo().getStatus()
					+ ", history " + description.getWorkflowExecutionInfo().getHistoryLength() + " events, pending ["
					+ pending + "]";
		}
		catch (RuntimeException ex) {
			return booking.id() + ": " + ex;
		}
	}

	private static String activity(PendingActivityInfo a) {
		return a.getActivityType().getName() + " " + a.getState() + " attempt " + a.getAttempt() + " last failure '"
				+ a.getLastFailure().getMessage() + "' started " + a.getLastStartedTime().getSeconds() + " heartbeat "
				+ a.getLastHeartbeatTime().getSeconds();
	}

}
