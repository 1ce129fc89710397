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

	/**
	 * The stub that pushes {@code integration} in a pass, its attempts summarised as
	 * {@link Integration#summary}.
	 */
	static IntegrationActivities push(Integration integration, BookingSnapshot snapshot, boolean pushedBefore) {
		if (integration.ownRetryPolicy()) {
			// Per-method options replace, not merge with, the worker's options for the
			// activity type: a summary would drop its own retry policy.
			return Workflow.newActivityStub(integration.activities());
		}
		return Workflow.newActivityStub(integration.activities(), null,
				summarised(integration.activity(), integration.summary(snapshot.cancelled(), pushedBefore)));
	}

	/**
	 * The stub of a background try: a plain stub, as a stub with per-method options (the
	 * summaries) does not keep the worker's single-attempt policy for it (seen: the
	 * default policy's attempts), and a try must be one attempt.
	 */
	static IntegrationActivities background(Integration integration) {
		return Workflow.newActivityStub(integration.activities());
	}

	/**
	 * Only the summary: the stub keeps the worker's default activity options (the sync
	 * retry policy), which the SDK merges under these per-activity ones.
	 */
	private static Map<String, ActivityOptions> summarised(String activity, String summary) {
		return Map.of(activity, ActivityOptions.newBuilder().setSummary(summary).build());
	}

}
