package com.acme.booking.workflow;

import java.util.Map;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * Sync activity stubs that carry a summary for the Temporal Web UI ("Create calendar
 * event", "Upsert CRM contact and meeting"), so an operator sees what each attempt was
 * for. Summaries name the action only: never personal data.
 */
final class ActivitySummaries {

	private ActivitySummaries() {
	}

	static CalendarSyncActivities calendar(BookingSnapshot snapshot, boolean syncedBefore) {
		String summary = snapshot.cancelled() ? "Delete calendar event"
				: syncedBefore ? "Update calendar event" : "Create calendar event";
		return Workflow.newActivityStub(CalendarSyncActivities.class, null, summarised("SyncCalendar", summary));
	}

	static CrmSyncActivities crm(BookingSnapshot snapshot) {
		String summary = snapshot.cancelled() ? "Cancel CRM meeting" : "Upsert CRM contact and meeting";
		return Workflow.newActivityStub(CrmSyncActivities.class, null, summarised("SyncCrm", summary));
	}

	/**
	 * Only the summary: the stub keeps the worker's default activity options (the sync
	 * retry policy), which the SDK merges under these per-activity ones.
	 */
	private static Map<String, ActivityOptions> summarised(String activity, String summary) {
		return Map.of(activity, ActivityOptions.newBuilder().setSummary(summary).build());
	}

}
