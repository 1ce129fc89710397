package com.acme.booking.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import com.acme.booking.core.BookingRulesProperties;

import org.springframework.stereotype.Component;

/**
 * The {@code booking.rules.*} settings the slot engine works with, checked once: a
 * context with invalid business hours or inconsistent durations does not start, and the
 * failure names the property.
 */
@Component
final class SlotRules {

	private final ZoneId zone;

	private final BusinessHours hours;

	private final BookingRulesProperties properties;

	SlotRules(BookingRulesProperties properties) {
		this.properties = properties;
		this.zone = properties.timeZone();
		this.hours = BusinessHours.parse(properties.businessHours());
		positive("booking.rules.slot-step", properties.slotStep());
		positive("booking.rules.min-duration", properties.minDuration());
		positive("booking.rules.max-advance", properties.maxAdvance());
		notNegative("booking.rules.buffer", properties.buffer());
		notNegative("booking.rules.min-notice", properties.minNotice());
		if (properties.maxDuration().compareTo(properties.minDuration()) < 0) {
			throw new IllegalArgumentException("booking.rules.max-duration (" + properties.maxDuration()
					+ ") must not be shorter than booking.rules.min-duration (" + properties.minDuration() + ")");
		}
		if (!durationAllowed(properties.defaultDuration())) {
			throw new IllegalArgumentException("booking.rules.default-duration (" + properties.defaultDuration()
					+ ") must lie between booking.rules.min-duration and booking.rules.max-duration");
		}
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
		}
	}

	private static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(property + " must not be negative, was " + value);
		}
	}

	ZoneId zone() {
		return zone;
	}

	BusinessHours hours() {
		return hours;
	}

	Duration step() {
		return properties.slotStep();
	}

	Duration buffer() {
		return properties.buffer();
	}

	Duration minNotice() {
		return properties.minNotice();
	}

	Duration maxAdvance() {
		return properties.maxAdvance();
	}

	Duration defaultDuration() {
		return properties.defaultDuration();
	}

	Duration minDuration() {
		return properties.minDuration();
	}

	Duration maxDuration() {
		return properties.maxDuration();
	}

	int maxRangeDays() {
		return properties.maxRangeDays();
	}

	/**
	 * The time that matters for slots of business date {@code day}: the day from midnight
	 * to midnight (by the zone's rules) widened by the buffer, since a booking or busy
	 * period that close can still block a slot.
	 */
	Interval window(LocalDate day) {
		return new Interval(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant())
			.widen(properties.buffer());
	}

	boolean durationAllowed(Duration duration) {
		return duration.compareTo(properties.minDuration()) >= 0 && duration.compareTo(properties.maxDuration()) <= 0;
	}

}
