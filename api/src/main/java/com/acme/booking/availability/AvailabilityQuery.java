package com.acme.booking.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.acme.booking.web.InvalidRequest;

/**
 * A checked request for available slots: dates in the business time zone, both inclusive.
 */
record AvailabilityQuery(LocalDate startDate, LocalDate endDate, Duration duration) {

	/**
	 * @throws InvalidRequest naming the parameter: missing or malformed, {@code endDate}
	 * before {@code startDate}, a span over {@code max-range-days}, or a duration out of
	 * range
	 */
	static AvailabilityQuery parse(String startDate, String endDate, String duration, SlotRules rules) {
		LocalDate start = date("startDate", startDate);
		LocalDate end = date("endDate", endDate);
		if (end.isBefore(start)) {
			throw new InvalidRequest("endDate", "must not be before startDate");
		}
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		if (days > rules.maxRangeDays()) {
			throw new InvalidRequest("endDate",
					"the range covers " + days + " days; at most " + rules.maxRangeDays() + " are allowed");
		}
		return new AvailabilityQuery(start, end, duration(duration, rules));
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest(field, "is required (an ISO date such as 2026-12-01)");
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(field, "'" + value + "' is not an ISO date such as 2026-12-01");
		}
	}

	private static Duration duration(String value, SlotRules rules) {
		if (value == null || value.isBlank()) {
			return rules.defaultDuration();
		}
		Duration duration;
		try {
			duration = Duration.ofMinutes(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new InvalidRequest("duration", "'" + value + "' is not a whole number of minutes");
		}
		if (!rules.durationAllowed(duration)) {
			throw new InvalidRequest("duration", "must be between " + rules.minDuration().toMinutes() + " and "
					+ rules.maxDuration().toMinutes() + " minutes");
		}
		return duration;
	}

}
