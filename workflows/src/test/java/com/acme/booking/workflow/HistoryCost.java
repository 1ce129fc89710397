package com.acme.booking.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.common.converter.DefaultDataConverter;

/**
 * What a stretch of a workflow's history cost the Temporal server: events, workflow
 * tasks, activities, upserts.
 *
 * @param echoes workflow tasks among {@code workflowTasks} that only the Java test server
 * schedules: it answers any change made while a workflow task runs with another workflow
 * task once that one completes, an activity task starting included; the real server
 * schedules none for an activity start. Such a task follows the previous task's commands
 * with nothing new in the history, and an activity task started while the previous task
 * ran. Whether one occurs depends on thread timing alone.
 */
record HistoryCost(int events, int workflowTasks, int echoes, Map<String, Integer> scheduledActivities,
		Map<String, Integer> localActivities, int timersStarted, int timersCancelled, int upserts) {

	/** Events a workflow task's commands write right after its completion. */
	private static final Set<EventType> COMMANDS = Set.of(EventType.EVENT_TYPE_MARKER_RECORDED,
			EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, EventType.EVENT_TYPE_TIMER_STARTED,
			EventType.EVENT_TYPE_TIMER_CANCELED, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
			EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED, EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED);

	static HistoryCost of(List<HistoryEvent> events) {
		return of(events, 0);
	}

	/** The events after the first {@code from} of a whole history. */
	static HistoryCost of(List<HistoryEvent> events, int from) {
		Map<String, Integer> scheduled = new TreeMap<>();
		Map<String, Integer> local = new TreeMap<>();
		int tasks = 0, echoes = 0, timers = 0, cancelled = 0, upserts = 0;
		for (int index = from; index < events.size(); index++) {
			HistoryEvent event = events.get(index);
			EventType type = event.getEventType();
			switch (type) {
				case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> echoes += echo(events, index) ? 1 : 0;
				case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> tasks++;
				case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> scheduled.merge(
						event.getActivityTaskScheduledEventAttributes().getActivityType().getName(), 1, Integer::sum);
				case EVENT_TYPE_MARKER_RECORDED ->
					localActivityType(event).ifPresent(name -> local.merge(name, 1, Integer::sum));
				case EVENT_TYPE_TIMER_STARTED -> timers++;
				case EVENT_TYPE_TIMER_CANCELED -> cancelled++;
				case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> upserts++;
				default -> {
				}
			}
		}
		return new HistoryCost(events.size() - from, tasks, echoes, scheduled, local, timers, cancelled, upserts);
	}

	/** See {@link HistoryCost#echoes}. */
	private static boolean echo(List<HistoryEvent> events, int scheduledAt) {
		int previous = scheduledAt - 1;
		while (previous >= 0 && COMMANDS.contains(events.get(previous).getEventType())) {
			previous--;
		}
		if (previous < 0 || events.get(previous).getEventType() != EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
			return false;
		}
		HistoryEvent completed = events.get(previous);
		int task = previous - 1;
		while (events.get(task).getEventType() != EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
			task--;
		}
		Timestamp ran = events.get(task).getEventTime();
		return events.stream()
			.filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
			.map(HistoryEvent::getEventTime)
			.anyMatch(started -> Timestamps.compare(started, ran) >= 0
					&& Timestamps.compare(started, completed.getEventTime()) <= 0);
	}

	private static Optional<String> localActivityType(HistoryEvent event) {
		MarkerRecordedEventAttributes marker = event.getMarkerRecordedEventAttributes();
		if (!"LocalActivity".equals(marker.getMarkerName())) {
			return Optional.empty();
		}
		return Optional.of(DefaultDataConverter.STANDARD_INSTANCE
			.fromPayload(marker.getDetailsOrThrow("type").getPayloads(0), String.class, String.class));
	}

}
