package com.acme.booking.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HubSpot as the sync activity sees it: one contact per booking, upserted, so a retry
 * finds its earlier write.
 */
final class FakeCrm implements CrmSyncActivities {

	private final FakeBookingDatabase database;

	private final Outage outage = new Outage("Crm");

	private final Map<String, String> contacts = new ConcurrentHashMap<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile boolean enabled = true;

	FakeCrm(FakeBookingDatabase database) {
		this.database = database;
	}

	@Override
	public SyncResult sync(String bookingId) {
		attempts.incrementAndGet();
		FakeBookingDatabase.Booking booking = database.booking(bookingId);
		if (!enabled) {
			return SyncResult.disabled(booking.revision());
		}
		outage.write();
		String contactId = contacts.computeIfAbsent(bookingId, id -> "contact-" + (contacts.size() + 1));
		return SyncResult.synced(booking.revision(), contactId);
	}

	/**
	 * {@code booking.crm.enabled=false}: the activity answers without calling HubSpot.
	 */
	void disable() {
		enabled = false;
	}

	boolean hasContact(String bookingId) {
		return contacts.containsKey(bookingId);
	}

	int attempts() {
		return attempts.get();
	}

	Outage outage() {
		return outage;
	}

	@Override
	public SyncResult syncInBackground(String bookingId) {
		return sync(bookingId);
	}

}
