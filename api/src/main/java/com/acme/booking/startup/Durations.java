package com.acme.booking.startup;

import java.time.Duration;

/**
 * Durations written the way they are configured ({@code 30m}, {@code 1h30m},
 * {@code 90d}), not ISO's {@code PT30M}.
 */
final class Durations {

	private Durations() {
	}

	static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.isNegative()) {
			return "-" + format(duration.negated());
		}
		StringBuilder text = new StringBuilder();
		append(text, duration.toDaysPart(), "d");
		append(text, duration.toHoursPart(), "h");
		append(text, duration.toMinutesPart(), "m");
		append(text, duration.toSecondsPart(), "s");
		append(text, duration.toMillisPart(), "ms");
		return text.length() > 0 ? text.toString() : duration.toNanos() + "ns";
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount != 0) {
			text.append(amount).append(unit);
		}
	}

}
