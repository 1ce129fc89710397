package com.acme.booking.workflow;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook endpoints as the sync activity sees them: each push delivers what is owed
 * and answers the revision it loaded.
 */
final class FakeWebhooks implements WebhookSyncActivities {

	private final FakeBookingDatabase database;

	private final Outage outage = new Outage("Webhook");

	private final AtomicInteger pushes = new AtomicInteger();

	FakeWebhooks(FakeBookingDatabase database) {
		this.database = database;
	}

	@Override
	public SyncResult sync(String bookingId) {
		long revision = database.booking(bookingId).revision();
		outage.write();
		pushes.incrementAndGet();
		return SyncResult.synced(revision, null);
	}

	@Override
	public SyncResult syncInBackground(String bookingId) {
		return sync(bookingId);
	}

	/** Successful pushes so far. */
	int pushes() {
		return pushes.get();
	}

	Outage outage() {
		return outage;
	}

}
