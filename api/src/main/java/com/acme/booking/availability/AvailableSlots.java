package com.acme.booking.availability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/bookings/available-slots}.
 *
 * @param timeZone the business time zone the dates and hours are in
 * @param duration the slot length in minutes
 * @param businessHours the open weekdays with their ranges, in week order
 * @param slots the offered slots, sorted by start
 */
record AvailableSlots(String timeZone, long duration, Map<String, List<Hours>> businessHours, List<Interval> slots) {

	static AvailableSlots of(AvailabilityQuery query, SlotRules rules, List<Interval> slots) {
		Map<String, List<Hours>> hours = new LinkedHashMap<>();
		rules.hours()
			.week()
			.forEach((day, ranges) -> hours.put(day.name(),
					ranges.stream().map(range -> new Hours(range.startText(), range.endText())).toList()));
		return new AvailableSlots(rules.zone().getId(), query.duration().toMinutes(), hours, slots);
	}

	/**
	 * One range of business hours in local time ({@code "09:00"}, {@code "17:00"};
	 * {@code "24:00"} ends the day).
	 */
	record Hours(String start, String end) {
	}

}
