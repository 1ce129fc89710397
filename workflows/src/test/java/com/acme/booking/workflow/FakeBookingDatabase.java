package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The booking table as the workflow's activities see it in PostgreSQL: the desired state,
 * which the test changes the way the REST API would (bump the revision, then signal),
 * plus the sync bookkeeping the workflow records. Activities run on worker threads, hence
 * the synchronization.
 */
final class FakeBookingDatabase {

	/**
	 * A booking row: what the sync activities read. {@code holdUntil} is set while the
	 * booking is a hold the customer has not confirmed (pending, or ended unconfirmed
	 * when cancelled), null once confirmed or for a booking made without verification.
	 */
	record Booking(String id, long revision, boolean cancelled, Instant start, Instant end, Instant holdUntil) {

		Booking(String id, long revision, boolean cancelled, Instant start, Instant end) {
			this(id, revision, cancelled, start, end, null);
		}

		boolean pendingVerification() {
			return holdUntil != null && !cancelled;
		}

	}

	/**
	 * The sync columns of one integration, with the same semantics as
	 * {@code BookingRepository}.
	 */
	record SyncRecord(long syncedRevision, String externalId, boolean synced, boolean manual, String error) {

		static final SyncRecord NONE = new SyncRecord(0, null, false, false, null);

	}

	private final Map<String, Booking> bookings = new HashMap<>();

	private final Map<String, SyncRecord> records = new HashMap<>();

	/** When each booking's appointment got its current time. */
	private final Map<String, Instant> startSetAt = new HashMap<>();

	/** The reminders sent, as "booking id/appointment start". */
	private final Set<String> reminders = new HashSet<>();

	private final LongSupplier clock;

	FakeBookingDatabase(LongSupplier clock) {
		this.clock = clock;
	}

	synchronized Booking create(String id, Instant start, Duration duration) {
		Booking booking = new Booking(id, 1, false, start, start.plus(duration));
		bookings.put(id, booking);
		startSetAt.put(id, now());
		return booking;
	}

	/** A booking held for email verification until {@code holdUntil}. */
	synchronized Booking hold(String id, Instant start, Duration duration, Instant holdUntil) {
		Booking booking = new Booking(id, 1, false, start, start.plus(duration), holdUntil);
		bookings.put(id, booking);
		startSetAt.put(id, now());
		return booking;
	}

	synchronized Booking reschedule(String id, Instant start) {
		Booking old = booking(id);
		Duration duration = Duration.between(old.start(), old.end());
		startSetAt.put(id, now());
		return save(new Booking(id, old.revision() + 1, old.cancelled(), start, start.plus(duration), old.holdUntil()));
	}

	/** A change of the customer's details: a new revision, the same appointment time. */
	synchronized Booking edit(String id) {
		Booking old = booking(id);
		return save(new Booking(id, old.revision() + 1, old.cancelled(), old.start(), old.end(), old.holdUntil()));
	}

	synchronized Instant startSetAt(String id) {
		return startSetAt.get(id);
	}

	/**
	 * Records the reminder of the appointment at {@code start}, as its message row does;
	 * false when it was sent already.
	 */
	synchronized boolean recordReminder(String id, Instant start) {
		return reminders.add(id + "/" + start);
	}

	synchronized boolean reminderSent(String id, Instant start) {
		return reminders.contains(id + "/" + start);
	}

	synchronized Booking cancel(String id) {
		Booking old = booking(id);
		return save(new Booking(id, old.revision() + 1, true, old.start(), old.end(), old.holdUntil()));
	}

	/**
	 * What the verification endpoint does before it signals {@code verified}: a pending
	 * hold becomes a confirmed booking at a new revision. False when it was not pending.
	 */
	synchronized boolean verify(String id) {
		Booking old = booking(id);
		if (!old.pendingVerification()) {
			return false;
		}
		save(new Booking(id, old.revision() + 1, false, old.start(), old.end(), null));
		return true;
	}

	/** The ExpireHold activity: a pending hold is cancelled; false when not pending. */
	synchronized boolean expireHold(String id) {
		Booking old = booking(id);
		if (!old.pendingVerification()) {
			return false;
		}
		save(new Booking(id, old.revision() + 1, true, old.start(), old.end(), old.holdUntil()));
		return true;
	}

	synchronized Booking booking(String id) {
		Booking booking = bookings.get(id);
		if (booking == null) {
			throw new IllegalStateException("No booking " + id);
		}
		return booking;
	}

	synchronized boolean exists(String id) {
		return bookings.containsKey(id);
	}

	synchronized SyncRecord record(String id, Integration integration) {
		return records.getOrDefault(key(id, integration), SyncRecord.NONE);
	}

	/**
	 * "Synced" only holds for the current revision: a change that came in meanwhile keeps
	 * the booking unsynced.
	 */
	/**
	 * True when this healed a flag whose webhook event was recorded, as in PostgreSQL.
	 */
	synchronized boolean recordSynced(String id, Integration integration, long revision, String externalId,
			boolean pushed) {
		SyncRecord old = record(id, integration);
		records.put(key(id, integration),
				new SyncRecord(Math.max(old.syncedRevision(), revision),
						externalId != null ? externalId : old.externalId(),
						pushed && revision == booking(id).revision(), false, null));
		return flagsShown.remove(key(id, integration));
	}

	/**
	 * True when this recorded a webhook event: the first flag of an integration other
	 * than the webhooks since its last heal, on a booking that is no unconfirmed hold.
	 */
	synchronized boolean flagManualSync(String id, Integration integration, String reason) {
		SyncRecord old = record(id, integration);
		records.put(key(id, integration), new SyncRecord(old.syncedRevision(), old.externalId(), false, true, reason));
		return integration != Integration.WEBHOOK && !booking(id).pendingVerification()
				&& flagsShown.add(key(id, integration));
	}

	/** What the admin sync endpoint does before it signals {@code retrySync}. */
	synchronized void clearManualSync(String id) {
		for (Integration integration : Integration.values()) {
			SyncRecord old = record(id, integration);
			records.put(key(id, integration),
					new SyncRecord(old.syncedRevision(), old.externalId(), old.synced(), false, null));
		}
	}

	/** The integrations whose last webhook event was a flag, by {@link #key}. */
	private final Set<String> flagsShown = new HashSet<>();

	private Instant now() {
		return Instant.ofEpochMilli(clock.getAsLong());
	}

	private Booking save(Booking booking) {
		bookings.put(booking.id(), booking);
		return booking;
	}

	private static String key(String id, Integration integration) {
		return id + "/" + integration;
	}

}
