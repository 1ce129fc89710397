package com.acme.booking.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one booking's workflow costs the real Temporal server, counted in its history: a
 * structural measure (the benchmark measures time). The PostgreSQL bookkeeping runs as
 * local activities (a marker, no activity task, no workflow task of its own) and search
 * attributes are upserted only when they change.
 */
@ExtendWith(DevServerSystem.Resolver.class)
class WorkflowHistoryCostTest {

	/** The bookkeeping activities: only PostgreSQL, idempotent, so local activities. */
	private static final Set<String> BOOKKEEPING = Set.of("LoadBookingSnapshot", "RecordSyncResult", "FlagManualSync");

	static RunningApp app;

	static WorkflowClient temporal;

	@BeforeAll
	static void onTheDevServer(DevServerSystem started) {
		app = started.app;
		temporal = started.temporal;
	}

	@Test
	void aBookingsHistoryHasNoBookkeepingActivityTasksAndFewUpserts() {
		Map<String, Object> booking = app.book(5);
		String id = (String) booking.get("id");
		List<HistoryEvent> created = awaitWaiting(id, 1);
		// The same hour on this class's next day: clear of its other bookings.
		app.reschedule(booking, RunningApp.slot(5, 1));
		List<HistoryEvent> moved = awaitWaiting(id, 2);
		app.cancel(booking);
		await().atMost(DevServerSystemTest.SYNC)
			.until(() -> temporal.newUntypedWorkflowStub(DevServerSystemTest.workflowId(id)).describe().getStatus(),
					status -> status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		List<HistoryEvent> all = history(id);

		Map<String, Integer> create = cost(created);
		Map<String, Integer> reschedule = cost(moved.subList(created.size(), moved.size()));
		Map<String, Integer> cancel = cost(all.subList(moved.size(), all.size()));
		System.out.printf("History cost of a booking on the dev server:%n create %s%n reschedule %s%n cancel %s%n",
				create, reschedule, cancel);
		assertThat(all).as("no bookkeeping activity task")
			.filteredOn(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
			.extracting(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
			.contains("SyncCalendar", "SyncCrm", "SyncWebhook", "SendBookingMail")
			.doesNotContainAnyElementsOf(BOOKKEEPING);
		assertThat(create).as("the bookkeeping ran, as local activities").containsKey("marker:LocalActivity");
		// BookingId, BookingStatus and every PENDING state come with the start: only the
		// four results are upserted.
		assertThat(create.getOrDefault("upserts", 0)).isLessThanOrEqualTo(4);
		// PENDING for calendar, CRM and webhooks at once (and CANCELLED with them), the
		// email's PENDING from its lane, then the four results.
		assertThat(reschedule.getOrDefault("upserts", 0)).isLessThanOrEqualTo(6);
		assertThat(cancel.getOrDefault("upserts", 0)).isLessThanOrEqualTo(6);
	}

	/**
	 * Waits until the booking's revision is synced everywhere and its workflow sits
	 * waiting; its history then.
	 */
	private static List<HistoryEvent> awaitWaiting(String id, long revision) {
		await().atMost(DevServerSystemTest.SYNC)
			.until(() -> app.syncRows()
				.stream()
				.anyMatch(row -> row.id().toString().equals(id) && row.revision() == revision && row.caughtUp()));
		await().atMost(DevServerSystemTest.SYNC).until(() -> {
			var run = temporal.newUntypedWorkflowStub(DevServerSystemTest.workflowId(id))
				.describe()
				.getRawDescription();
			return run.getPendingActivitiesCount() == 0 && !run.hasPendingWorkflowTask();
		});
		return history(id);
	}

	private static List<HistoryEvent> history(String id) {
		return temporal.fetchHistory(DevServerSystemTest.workflowId(id)).getEvents();
	}

	/**
	 * Events, workflow tasks, activity tasks by type, local activities, timers and
	 * upserts of a stretch of history.
	 */
	private static Map<String, Integer> cost(List<HistoryEvent> events) {
		Map<String, Integer> cost = new TreeMap<>();
		cost.put("events", events.size());
		for (HistoryEvent event : events) {
			String what = switch (event.getEventType()) {
				case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> "workflowTasks";
				case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
					"activity:" + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
				case EVENT_TYPE_MARKER_RECORDED -> "marker:" + event.getMarkerRecordedEventAttributes().getMarkerName();
				case EVENT_TYPE_TIMER_STARTED -> "timersStarted";
				case EVENT_TYPE_TIMER_CANCELED -> "timersCancelled";
				case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> "upserts";
				default -> null;
			};
			if (what != null) {
				cost.merge(what, 1, Integer::sum);
			}
		}
		return cost;
	}

}
