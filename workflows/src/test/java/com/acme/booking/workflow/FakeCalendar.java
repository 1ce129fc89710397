package com.acme.booking.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Google Calendar as the sync activity sees it: one event per booking under an id derived
 * from the booking id, so every attempt converges the same event. Reads the booking from
 * the fake database on every attempt, as the real activity does. The {@link #outage()}
 * affects inserts and patches; deletes go through.
 */
final class FakeCalendar implements CalendarSyncActivities {

	/** A calendar event as Google keeps it. */
	record Event(String id, Instant start, Instant end) {
	}

	private final FakeBookingDatabase database;

	private final Outage outage = new Outage("Calendar");

	private final Map<String, Event> events = new ConcurrentHashMap<>();

	private final List<Event> writes = new CopyOnWriteArrayList<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicReference<CountDownLatch> hang = new AtomicReference<>();

	private final AtomicBoolean clash = new AtomicBoolean();

	FakeCalendar(FakeBookingDatabase database) {
		this.database = database;
	}

	@Override
	public SyncResult sync(String bookingId) {
		attempts.incrementAndGet();
		CountDownLatch dead = hang.getAndSet(null);
		if (dead != null) {
			// A worker that died mid-attempt: no answer, no heartbeat, until the test
			// lets the thread go.
			awaitQuietly(dead);
		}
		FakeBookingDatabase.Booking booking = database.booking(bookingId);
		String eventId = eventId(bookingId);
		if (booking.cancelled()) {
			events.remove(eventId);
			return SyncResult.synced(booking.revision(), eventId);
		}
		outage.write();
		Event event = new Event(eventId, booking.start(), booking.end());
		writes.add(event);
		events.put(eventId, event);
		return SyncResult.synced(booking.revision(), eventId).withCalendarConflict(clash.get());
	}

	/**
	 * Whether the business's own calendar is busy at the booking's time, as the next
	 * syncs find it.
	 */
	void clashes(boolean clashes) {
		clash.set(clashes);
	}

	/**
	 * The next attempt never answers nor heartbeats, as on a worker that died, until
	 * {@code release} opens.
	 */
	void hangNextAttempt(CountDownLatch release) {
		hang.set(release);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String eventId(String bookingId) {
		// Google event ids are base32hex; a UUID's hex digits already are.
		return "bk" + bookingId.replace("-", "");
	}

	Optional<Event> event(String bookingId) {
		return Optional.ofNullable(events.get(eventId(bookingId)));
	}

	/** Every insert or patch that went through, oldest first. */
	List<Event> writes(String bookingId) {
		return writes.stream().filter(event -> event.id().equals(eventId(bookingId))).toList();
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
