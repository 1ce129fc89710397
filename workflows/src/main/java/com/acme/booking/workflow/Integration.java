package com.acme.booking.workflow;

import java.util.Locale;

/**
 * The outside systems a booking is pushed to (MAIL: the customer's email, WEBHOOK: the
 * configured webhook endpoints). The one list of them: the workflow's tracks and their
 * activities, search attributes and options, the sync state in PostgreSQL
 * ({@code booking_sync}), the reconciler, bulk retry, the metrics and the gauges all go
 * over its values. An integration pushed in the workflow's passes names its activity
 * interface ({@link IntegrationActivities}); the email has a lane of its own
 * ({@code MailLane}) and none.
 */
public enum Integration {

	CALENDAR("Calendar", CalendarSyncActivities.class) {
		@Override
		public String summary(boolean cancelled, boolean pushedBefore) {
			return cancelled ? "Delete calendar event"
					: pushedBefore ? "Update calendar event" : "Create calendar event";
		}
	},

	CRM("Crm", CrmSyncActivities.class) {
		@Override
		public String summary(boolean cancelled, boolean pushedBefore) {
			return cancelled ? "Cancel CRM meeting" : "Upsert CRM contact and meeting";
		}
	},

	MAIL("Mail", null),

	WEBHOOK("Webhook", WebhookSyncActivities.class) {
		@Override
		public String summary(boolean cancelled, boolean pushedBefore) {
			return "Send webhooks";
		}

		@Override
		public boolean ownRetryPolicy() {
			return true;
		}
	};

	private final String label;

	private final Class<? extends IntegrationActivities> activities;

	Integration(String label, Class<? extends IntegrationActivities> activities) {
		this.label = label;
		this.activities = activities;
	}

	/**
	 * The activity interface the workflow's passes push it with; null for the email,
	 * which has its own lane.
	 */
	public Class<? extends IntegrationActivities> activities() {
		return activities;
	}

	/** Pushed in the workflow's passes (every integration but the email). */
	public boolean inPasses() {
		return activities != null;
	}

	/**
	 * Retried by a policy of its own ({@code booking.webhooks.retry.*}) rather than the
	 * sync policy: the worker's options name its activity type.
	 */
	public boolean ownRetryPolicy() {
		return false;
	}

	/** Its activity type ({@code SyncCalendar}), as its interface names it. */
	public String activity() {
		return "Sync" + label;
	}

	/** The activity type of its background try ({@code SyncCalendarInBackground}). */
	public String backgroundActivity() {
		return activity() + "InBackground";
	}

	/** The name of its search attribute ({@code CalendarSync}). */
	public String searchAttribute() {
		return label + "Sync";
	}

	/**
	 * What a push does, for the Temporal Web UI ("Create calendar event"); the action
	 * only, never personal data.
	 */
	public String summary(boolean cancelled, boolean pushedBefore) {
		return "Sync " + label.toLowerCase(Locale.ROOT);
	}

}
