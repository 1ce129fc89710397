package com.acme.booking.availability;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The weekly opening ranges in local business time; a day without ranges is closed. */
final class BusinessHours {

	private static final String PROPERTY = "booking.rules.business-hours";

	private final Map<DayOfWeek, List<OpeningRange>> ranges;

	private BusinessHours(Map<DayOfWeek, List<OpeningRange>> ranges) {
		this.ranges = Collections.unmodifiableMap(ranges);
	}

	/**
	 * Parses {@code DAY -> "09:00-12:00,13:00-17:00"}. Day names are case-insensitive; a
	 * blank value closes the day. With no entries at all, MONDAY..FRIDAY 09:00-17:00.
	 * @throws IllegalArgumentException naming the property and what is wrong with it
	 */
	static BusinessHours parse(Map<String, String> config) {
		Map<DayOfWeek, List<OpeningRange>> ranges = new EnumMap<>(DayOfWeek.class);
		if (config == null || config.isEmpty()) {
			for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY)) {
				ranges.put(day, List.of(OpeningRange.parse("09:00-17:00")));
			}
			return new BusinessHours(ranges);
		}
		config.forEach((key, value) -> {
			DayOfWeek day = day(key);
			if (ranges.containsKey(day)) {
				throw new IllegalArgumentException(PROPERTY + "." + key + ": " + day + " is configured twice");
			}
			List<OpeningRange> dayRanges = ranges(key, value);
			if (!dayRanges.isEmpty()) {
				ranges.put(day, dayRanges);
			}
		});
		return new BusinessHours(ranges);
	}

	private static DayOfWeek day(String key) {
		try {
			return DayOfWeek.valueOf(key.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					PROPERTY + "." + key + ": '" + key + "' is not a day of the week (MONDAY..SUNDAY)");
		}
	}

	private static List<OpeningRange> ranges(String key, String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		List<OpeningRange> parsed = new ArrayList<>();
		for (String part : value.split(",")) {
			try {
				parsed.add(OpeningRange.parse(part));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(PROPERTY + "." + key + "='" + value + "': " + ex.getMessage()
						+ " (expected e.g. 09:00-12:00,13:00-17:00)");
			}
		}
		parsed.sort(Comparator.comparing(OpeningRange::start));
		for (int i = 1; i < parsed.size(); i++) {
			if (parsed.get(i - 1).overlaps(parsed.get(i))) {
				throw new IllegalArgumentException(PROPERTY + "." + key + "='" + value + "': ranges "
						+ parsed.get(i - 1) + " and " + parsed.get(i) + " overlap");
			}
		}
		return List.copyOf(parsed);
	}

	/** The day's ranges in order; empty when closed. */
	List<OpeningRange> on(DayOfWeek day) {
		return ranges.getOrDefault(day, List.of());
	}

	/** Open days in week order with their ranges. */
	Map<DayOfWeek, List<OpeningRange>> week() {
		return ranges;
	}

}
