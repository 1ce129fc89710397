package com.acme.booking.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * "Now" for the tests and for the service they start: the real time, unless
 * {@code -Dbooking.test.now=<instant>} pins it (e.g. {@code ./mvnw -B test
 * -Dbooking.test.now=2027-03-28T00:30:00Z}, a DST change day). A pinned clock starts at
 * that instant when the JVM starts and runs on from there, so timeouts and waits still
 * work; {@link TestClockInitializer} gives it to every Spring context the tests start,
 * and {@link #jvmArguments()} to a service in a JVM of its own.
 *
 * <p>
 * The instant must not lie in the past: Temporal's servers (in-process and the CLI's dev
 * server) run on the real time, so bookings made relative to a past "now" would be over
 * for them.
 */
public final class TestClock {

	/** The system property that pins the time. */
	public static final String PROPERTY = "booking.test.now";

	/**
	 * How far a pinned instant may lie behind the real time: a service in a JVM of its
	 * own is handed the tests' "now" and reads it a moment later.
	 */
	private static final Duration LATE_START = Duration.ofMinutes(1);

	private static final Duration OFFSET = offset(System.getProperty(PROPERTY), Instant.now());

	private TestClock() {
	}

	/** The tests' clock, in UTC like the service's. */
	public static Clock clock() {
		return shift(Clock.systemUTC());
	}

	public static Instant now() {
		return clock().instant();
	}

	public static LocalDate today(ZoneId zone) {
		return LocalDate.now(clock().withZone(zone));
	}

	public static boolean pinned() {
		return !OFFSET.isZero();
	}

	/** How far the tests' time runs ahead of the real time. */
	public static Duration offset() {
		return OFFSET;
	}

	/** {@code clock} moved by the pin, or {@code clock} itself when nothing is pinned. */
	public static Clock shift(Clock clock) {
		return pinned() ? Clock.offset(clock, OFFSET) : clock;
	}

	/**
	 * The pin for a JVM started now: the tests' current time, so that both clocks keep
	 * agreeing; nothing when the time is not pinned.
	 */
	public static List<String> jvmArguments() {
		return pinned() ? List.of("-D" + PROPERTY + "=" + now()) : List.of();
	}

	static Duration offset(String pinned, Instant realNow) {
		if (pinned == null || pinned.isBlank()) {
			return Duration.ZERO;
		}
		Instant start;
		try {
			start = Instant.parse(pinned.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					PROPERTY + " must be an instant such as 2027-03-28T00:30:00Z, not '" + pinned + "'", ex);
		}
		if (start.isBefore(realNow.minus(LATE_START))) {
			throw new IllegalArgumentException(PROPERTY + "=" + pinned + " lies in the past: Temporal runs on the real "
					+ "time, so appointments booked from then on would be over for it; pin a time ahead");
		}
		return Duration.between(realNow, start);
	}

}
