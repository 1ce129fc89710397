package com.acme.booking.chaos;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which calls to a stand-in fail, and how. The decision is a function of the seed, the
 * call's key (operation and the customer it is about, never a server-made id) and how
 * many times that key was seen, so a run can be replayed with the same seed whatever
 * order the threads happen to take.
 */
final class ChaosPlan {

	/** What the stand-in does with one call. */
	enum Fault {

		/** Answers normally. */
		NONE,
		/** 500 or 503, nothing written. */
		SERVER_ERROR,
		/** 429 with {@code Retry-After: 1}, nothing written. */
		RATE_LIMITED,
		/** Answers normally but late (within the client's read timeout). */
		SLOW,
		/** Does the write, then resets the connection: the client never hears of it. */
		LOST_RESET,
		/** Does the write, then answers after the client's read timeout. */
		LOST_TIMEOUT

	}

	private final long seed;

	private final double rate;

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

	private final Map<Fault, AtomicLong> counts = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	/**
	 * @param rate share of calls that fail in some way (0.15 = 15 %)
	 */
	ChaosPlan(long seed, double rate) {
		this.seed = seed;
		this.rate = rate;
	}

	long seed() {
		return seed;
	}

	Fault next(String key) {
		int occurrence = seen.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
		SplittableRandom random = new SplittableRandom(seed * 31 + key.hashCode() * 1_000_003L + occurrence);
		double roll = random.nextDouble();
		Fault fault = Fault.NONE;
		if (roll < rate) {
			Fault[] kinds = { Fault.SERVER_ERROR, Fault.RATE_LIMITED, Fault.SLOW, Fault.LOST_RESET,
					Fault.LOST_TIMEOUT };
			fault = kinds[(int) (roll / rate * kinds.length)];
		}
		calls.incrementAndGet();
		counts.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
		return fault;
	}

	/** How many calls got each fault, for the test's report. */
	String summary() {
		return calls.get() + " calls, faults " + counts;
	}

	long injected() {
		return counts.entrySet()
			.stream()
			.filter(e -> e.getKey() != Fault.NONE)
			.mapToLong(e -> e.getValue().get())
			.sum();
	}

}
