package com.acme.booking.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An HTTP {@code Retry-After} header, as Google and HubSpot send it: seconds or an HTTP
 * date (RFC 9110). One reading for every integration: a date in the past means now, and a
 * wait longer than {@link #LONGEST} is cut to it (the retry policy's own backoff takes
 * over from there).
 */
public final class RetryAfter {

	/** The longest wait honoured. */
	public static final Duration LONGEST = Duration.ofHours(1);

	private RetryAfter() {
	}

	/**
	 * The wait the header asks for, at {@code now}; null when there is no header or it
	 * cannot be read.
	 */
	public static Duration parse(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration delay;
		try {
			delay = Duration.ofSeconds(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException notSeconds) {
			try {
				delay = Duration.between(now,
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
		if (delay.isNegative()) {
			return Duration.ZERO;
		}
		return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
	}

}
