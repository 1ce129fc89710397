package com.acme.booking.chaos;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.acme.booking.core.Booking;
import com.acme.booking.workflow.BookingTemporal;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;

/**
 * What a failed chaos run prints about the workflows of unsettled bookings: status,
 * pending activities and the event history (one line per event), so that a rare failure
 * can be understood from the report alone: the dev server and its database are gone once
 * the test ends.
 */
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
			return booking.id() + " rev " + booking.revision() + ": "
					+ description.getWorkflowExecutionInfo().getStatus() + ", history "
					+ description.getWorkflowExecutionInfo().getHistoryLength() + " events, pending [" + pending + "]"
					+ history(client, booking);
		}
		catch (RuntimeException ex) {
			return booking.id() + ": " + ex;
		}
	}

	private static String history(WorkflowClient client, Booking booking) {
		return client.fetchHistory(BookingTemporal.workflowId(booking.id().toString()))
			.getEvents()
			.stream()
			.map(WorkflowDiagnosis::event)
			.collect(Collectors.joining("\n    ", "\n    ", ""));
	}

	/**
	 * Event id, time, type and attributes on one line, cut short: enough to follow the
	 * activities and signals.
	 */
	private static String event(HistoryEvent e) {
		Instant at = Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
		String line = e.getEventId() + " " + at + " " + e.toString().replaceAll("\\s+", " ");
		return line.length() > 500 ? line.substring(0, 500) + "..." : line;
	}

	private static String activity(PendingActivityInfo a) {
		return a.getActivityType().getName() + " " + a.getState() + " attempt " + a.getAttempt() + " last failure '"
				+ a.getLastFailure().getMessage() + "' started " + a.getLastStartedTime().getSeconds() + " heartbeat "
				+ a.getLastHeartbeatTime().getSeconds();
	}

}
