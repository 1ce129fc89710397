package com.acme.booking.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Sends the booking's webhook events (the Standard Webhooks specification) to every
 * configured endpoint that subscribes to them, in order per endpoint, each with the same
 * {@code webhook-id} on every attempt.
 */
@ActivityInterface
public interface WebhookSyncActivities extends IntegrationActivities {

	@Override
	@ActivityMethod(name = "SyncWebhook")
	SyncResult sync(String bookingId);

	@Override
	@ActivityMethod(name = "SyncWebhookInBackground")
	SyncResult syncInBackground(String bookingId);

}
