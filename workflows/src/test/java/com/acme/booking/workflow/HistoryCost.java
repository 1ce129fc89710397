package com.acme.booking.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.common.converter.DefaultDataConverter;

/**
 * What a stretch of a workflow's history cost the Temporal server: events, workflow
 * tasks, activities, upserts.
 */
record HistoryCost(int events, int workflowTasks, Map<String, Integer> scheduledActivities,
		Map<String, Integer> localActivities, int timersStarted, int timersCancelled, int upserts) {

	static HistoryCost of(List<HistoryEvent> events) {
		Map<String, Integer> scheduled = new TreeMap<>();
		Map<String, Integer> local = new TreeMap<>();
		int tasks = 0, timers = 0, cancelled = 0, upserts = 0;
		for (HistoryEvent event : events) {
			EventType type = event.getEventType();
			switch (type) {
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
		return new HistoryCost(events.size(), tasks, scheduled, local, timers, cancelled, upserts);
	}

	private static Optional<String> localActivityType(HistoryEvent event) {
		MarkerRecordedEventAttributes marker = event.getMarkerRecordedEventAttributes();
		if (!"LocalActivity".equals(marker.getMarkerName())) {
			return Optional.empty();
		}
		return Optional.of(DefaultDataConverter.STANDARD_INSTANCE
			.fromPayload(marker.getDetailsOrThrow("type").getPayloads(0), String.class, String.class));
	}

	/** The events after the first {@code from}. */
	static HistoryCost of(List<HistoryEvent> events, int from) {
		return of(events.subList(from, events.size()));
	}

}
