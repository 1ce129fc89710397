package com.acme.booking.availability;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One range of business hours on a day, in local time of the business time zone. An end
 * of {@code 24:00} (held as midnight) means the end of the day.
 */
record OpeningRange(LocalTime start, LocalTime end) {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	OpeningRange {
		if (!LocalTime.MIDNIGHT.equals(end) && !end.isAfter(start)) {
			throw new IllegalArgumentException("range must end after it starts");
		}
	}

	/** Parses {@code HH:mm-HH:mm}; {@code 24:00} is accepted as an end. */
	static OpeningRange parse(String text) {
		String[] parts = text.trim().split("-", -1);
		if (parts.length != 2) {
			throw new IllegalArgumentException("'" + text.trim() + "' is not a range HH:mm-HH:mm");
		}
		LocalTime start = time(parts[0].trim(), false);
		LocalTime end = time(parts[1].trim(), true);
		if (!LocalTime.MIDNIGHT.equals(end) && !end.isAfter(start)) {
			throw new IllegalArgumentException("'" + text.trim() + "' must end after it starts");
		}
		return new OpeningRange(start, end);
	}

	private static LocalTime time(String text, boolean end) {
		if (end && "24:00".equals(text)) {
			return LocalTime.MIDNIGHT;
		}
		try {
			LocalTime time = LocalTime.parse(text, HH_MM);
			if (end && LocalTime.MIDNIGHT.equals(time)) {
				throw new IllegalArgumentException(
						"'" + text + "' as an end is ambiguous; write 24:00 for the end of the day");
			}
			return time;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a time HH:mm");
		}
	}

	/**
	 * The instant the range starts on {@code date}. A local time inside a spring-forward
	 * gap moves forward by the length of the gap; one inside a fall-back overlap takes
	 * the earlier offset (Java's rules).
	 */
	ZonedDateTime startOn(LocalDate date, ZoneId zone) {
		return ZonedDateTime.of(date, start, zone);
	}

	/**
	 * The instant the range ends on {@code date}, by the same rules; {@code 24:00} is the
	 * next day's midnight.
	 */
	ZonedDateTime endOn(LocalDate date, ZoneId zone) {
		return LocalTime.MIDNIGHT.equals(end) ? date.plusDays(1).atStartOfDay(zone) : ZonedDateTime.of(date, end, zone);
	}

	boolean overlaps(OpeningRange other) {
		return start.isBefore(other.endOfDayAware()) && other.start.isBefore(endOfDayAware());
	}

	private LocalTime endOfDayAware() {
		return LocalTime.MIDNIGHT.equals(end) ? LocalTime.MAX : end;
	}

	String startText() {
		return start.format(HH_MM);
	}

	String endText() {
		return LocalTime.MIDNIGHT.equals(end) ? "24:00" : end.format(HH_MM);
	}

	@Override
	public String toString() {
		return startText() + "-" + endText();
	}

}
