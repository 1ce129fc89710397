package com.acme.booking.workflow;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The customer's mailbox as the mail activities fill it: what was sent, for which
 * revision, at what workflow time.
 */
final class FakeMail implements MailActivities {

	/**
	 * One email: {@code kind} is CHANGE for confirmation, update and cancellation,
	 * REMINDER, or VERIFICATION for the link that confirms a hold.
	 */
	record Sent(String bookingId, String kind, long revision, boolean cancelled, Instant at) {
	}

	private final FakeBookingDatabase database;

	private final LongSupplier clock;

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final Outage outage = new Outage("Mail");

	private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

	FakeMail(FakeBookingDatabase database, LongSupplier clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public SyncResult sendBookingMail(String bookingId) {
		CountDownLatch held = hold.getAndSet(null);
		if (held != null) {
			// A slow relay: the attempt is under way until the test lets it finish.
			try {
				held.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		outage.write();
		FakeBookingDatabase.Booking booking = database.booking(bookingId);
		if (booking.holdUntil() != null) {
			// An unconfirmed hold: its verification email, once; nothing once it ended.
			if (!booking.cancelled() && sent(bookingId, "VERIFICATION").isEmpty()) {
				sent.add(new Sent(bookingId, "VERIFICATION", booking.revision(), false, now()));
			}
			return SyncResult.synced(booking.revision(), null);
		}
		// Claimed per revision, as in PostgreSQL: a second attempt for a revision sends
		// nothing.
		if (sent(bookingId, "CHANGE").stream().noneMatch(mail -> mail.revision() == booking.revision())) {
			sent.add(new Sent(bookingId, "CHANGE", booking.revision(), booking.cancelled(), now()));
		}
		return SyncResult.synced(booking.revision(), null);
	}

	/**
	 * Like the real activity: nothing for a cancelled or moved booking, or an appointment
	 * that has started; at most once per appointment time.
	 */
	@Override
	public void sendReminder(String bookingId, long startEpochMillis) {
		outage.write();
		FakeBookingDatabase.Booking booking = database.booking(bookingId);
		if (booking.cancelled() || booking.start().toEpochMilli() != startEpochMillis
				|| !now().isBefore(booking.start())) {
			return;
		}
		if (database.recordReminder(bookingId, booking.start())) {
			sent.add(new Sent(bookingId, "REMINDER", booking.revision(), false, now()));
		}
	}

	/** The next attempt waits for {@code release} before it talks to the relay. */
	void holdNextAttempt(CountDownLatch release) {
		hold.set(release);
	}

	/** The relay as the next emails meet it. */
	Outage outage() {
		return outage;
	}

	List<Sent> sent(String bookingId, String kind) {
		return sent.stream().filter(s -> s.bookingId().equals(bookingId) && s.kind().equals(kind)).toList();
	}

	private Instant now() {
		return Instant.ofEpochMilli(clock.getAsLong());
	}

}
