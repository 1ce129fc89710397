package com.acme.booking.chaos;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Which calls to a stand-in fail, and how. The decision is a function of the seed, the
 * call's key (operation and the customer it is about, never a server-made id) and how
 * many times that key was seen, so a run can be replayed with the same seed whatever
 * order the threads happen to take. Faults are counted per stand-in and kind.
 */
final class ChaosPlan {

	/** What an HTTP stand-in does with one call. */
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

	/** What the SMTP relay does with one connection. */
	enum SmtpFault {

		/** Passes the conversation on as it is. */
		NONE,
		/** Closes the connection at once, before any greeting. */
		REFUSED,
		/**
		 * Accepts the connection and never greets (a stuck relay, a firewall) until the
		 * client gives up.
		 */
		HANGS,
		/** Passes every answer on late, within the client's read timeout. */
		SLOW,
		/**
		 * Passes the whole message on and lets the server take it, then closes the
		 * connection instead of passing on the server's {@code 250}.
		 */
		ANSWER_DROPPED

	}

	private static final List<Fault> HTTP_FAULTS = List.of(Fault.SERVER_ERROR, Fault.RATE_LIMITED, Fault.SLOW,
			Fault.LOST_RESET, Fault.LOST_TIMEOUT);

	private static final List<SmtpFault> SMTP_FAULTS = List.of(SmtpFault.REFUSED, SmtpFault.HANGS, SmtpFault.SLOW,
			SmtpFault.ANSWER_DROPPED);

	private final long seed;

	private final double rate;

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

	/** Stand-in, then kind of fault (NONE included), then how many calls got it. */
	private final Map<String, Map<Enum<?>, AtomicLong>> counts = new ConcurrentHashMap<>();

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

	/** The fault of one call to the HTTP stand-in {@code standIn}. */
	Fault next(String standIn, String key) {
		return draw(standIn, key, Fault.NONE, HTTP_FAULTS);
	}

	/** The fault of one connection to the SMTP relay {@code standIn}. */
	SmtpFault nextSmtp(String standIn, String key) {
		return draw(standIn, key, SmtpFault.NONE, SMTP_FAULTS);
	}

	private <F extends Enum<F>> F draw(String standIn, String key, F none, List<F> kinds) {
		int occurrence = seen.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
		SplittableRandom random = new SplittableRandom(seed * 31 + key.hashCode() * 1_000_003L + occurrence);
		double roll = random.nextDouble();
		F fault = none;
		if (roll < rate) {
			fault = kinds.get((int) (roll / rate * kinds.size()));
		}
		counts.computeIfAbsent(standIn, s -> new ConcurrentHashMap<>())
			.computeIfAbsent(fault, f -> new AtomicLong())
			.incrementAndGet();
		return fault;
	}

	/** How many calls each stand-in got, and how many of them got each fault. */
	String summary() {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> e.getKey() + " " + e.getValue().values().stream().mapToLong(AtomicLong::get).sum()
					+ " calls, faults " + faults(e.getValue()))
			.collect(Collectors.joining("; "));
	}

	private static String faults(Map<Enum<?>, AtomicLong> kinds) {
		return kinds.entrySet()
			.stream()
			.filter(e -> !e.getKey().name().equals("NONE"))
			.sorted(Comparator.comparing(e -> e.getKey().ordinal()))
			.map(e -> e.getKey().name() + "=" + e.getValue().get())
			.collect(Collectors.joining(", ", "{", "}"));
	}

	/** Faults of every kind, at every stand-in. */
	long injected() {
		return counts.keySet().stream().mapToLong(this::injected).sum();
	}

	/** Faults of every kind at {@code standIn}. */
	long injected(String standIn) {
		return counts.getOrDefault(standIn, Map.of())
			.entrySet()
			.stream()
			.filter(e -> !e.getKey().name().equals("NONE"))
			.mapToLong(e -> e.getValue().get())
			.sum();
	}

}
