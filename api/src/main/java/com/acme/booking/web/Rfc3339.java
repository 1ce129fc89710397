package com.acme.booking.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 3339 date-times (JSON Schema's {@code date-time}) that {@link OffsetDateTime}
 * does not parse itself: a lower-case {@code t} or {@code z}, an offset beyond Java's
 * ±18:00 (RFC 3339 allows up to ±23:59), a leap second, more than nine digits of a
 * second. The instant is kept; an offset Java cannot hold becomes UTC.
 */
final class Rfc3339 {

	private static final Pattern DATE_TIME = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(?:[Zz]|([+-])(\\d{2}):(\\d{2}))");

	private Rfc3339() {
	}

	static Optional<OffsetDateTime> parse(String text) {
		Matcher m = DATE_TIME.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			int second = Integer.parseInt(m.group(4));
			String fraction = m.group(5) == null ? "" : m.group(5).substring(1);
			int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
			LocalDateTime local = LocalDateTime
				.of(LocalDate.parse(m.group(1)), LocalTime.of(Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)), Math.min(second, 59), nanos))
				.plusSeconds(second == 60 ? 1 : 0);
			int offsetHours = m.group(6) == null ? 0 : Integer.parseInt(m.group(7));
			int offsetMinutes = m.group(6) == null ? 0 : Integer.parseInt(m.group(8));
			if (second > 60 || offsetHours > 23 || offsetMinutes > 59) {
				return Optional.empty();
			}
			int offsetSeconds = ("-".equals(m.group(6)) ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
			if (Math.abs(offsetSeconds) <= 18 * 3600) {
				return Optional.of(OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offsetSeconds)));
			}
			return Optional.of(local.atOffset(ZoneOffset.UTC).minusSeconds(offsetSeconds));
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
