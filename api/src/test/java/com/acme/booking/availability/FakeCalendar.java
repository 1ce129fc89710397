package com.acme.booking.availability;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.calendar.BusyPeriod;
import com.acme.booking.calendar.BusyTimes;

/** A business calendar the tests control: it answers, fails, or hangs until released. */
final class FakeCalendar implements BusyTimes {

	enum Mode {

		ANSWER, FAIL, HANG

	}

	private final List<BusyPeriod> busy = new CopyOnWriteArrayList<>();

	/**
	 * The owner's own events, what {@link #besidesBookings} reads; free/busy
	 * ({@link #busy}) has them merged in.
	 */
	private final List<BusyPeriod> ownerEvents = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger calls = new AtomicInteger();

	private volatile Mode mode = Mode.ANSWER;

	FakeCalendar busy(String start, String end) {
		busy.add(new BusyPeriod(Instant.parse(start), Instant.parse(end)));
		return this;
	}

	FakeCalendar ownerEvent(String start, String end) {
		ownerEvents.add(new BusyPeriod(Instant.parse(start), Instant.parse(end)));
		return this;
	}

	FakeCalendar clear() {
		busy.clear();
		ownerEvents.clear();
		return this;
	}

	FakeCalendar mode(Mode mode) {
		this.mode = mode;
		return this;
	}

	int calls() {
		return calls.get();
	}

	/** Lets hanging calls return (they are also interrupted when the caller gives up). */
	void release() {
		release.countDown();
	}

	@Override
	public List<BusyPeriod> between(Instant from, Instant to) {
		return answer(busy, from, to);
	}

	@Override
	public List<BusyPeriod> besidesBookings(Instant from, Instant to) {
		return answer(ownerEvents, from, to);
	}

	private List<BusyPeriod> answer(List<BusyPeriod> periods, Instant from, Instant to) {
		calls.incrementAndGet();
		if (mode == Mode.FAIL) {
			throw new IllegalStateException("calendar unreachable");
		}
		if (mode == Mode.HANG) {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted");
			}
		}
		return periods.stream().filter(p -> p.start().isBefore(to) && p.end().isAfter(from)).toList();
	}

}
