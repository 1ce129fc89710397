package com.acme.booking.core;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduling rules ({@code booking.rules.*}). In core because the calendar sync (and so the worker) needs the
 * business time zone too: one record, one default.
 *
 * @param timeZone business time zone (IANA)
 * @param businessHours comma-separated ranges per weekday ({@code MONDAY: 09:00-12:00,13:00-17:00}); a day left out is
 * closed. When none is configured at all, MONDAY..FRIDAY 09:00-17:00.
 * @param defaultDuration duration of a booking when the request names none
 * @param minDuration shortest bookable duration
 * @param maxDuration longest bookable duration
 * @param slotStep grid of offered start times, from each range's start
 * @param buffer free time kept before and after every booking and busy period
 * @param minNotice how far ahead of now the earliest slot starts
 * @param maxAdvance how far ahead of now the latest slot may start
 * @param maxRangeDays longest span one availability listing may cover
 * @param frequency per-email booking limit
 */
@Validated
@ConfigurationProperties("booking.rules")
public record BookingRulesProperties(@NotNull @DefaultValue("Europe/London") ZoneId timeZone,
		Map<String, String> businessHours, @DefaultValue("30m") Duration defaultDuration,
		@DefaultValue("15m") Duration minDuration, @DefaultValue("4h") Duration maxDuration,
		@DefaultValue("30m") Duration slotStep, @DefaultValue("15m") Duration buffer,
		@DefaultValue("2h") Duration minNotice, @DefaultValue("90d") Duration maxAdvance,
		@Min(1) @DefaultValue("30") int maxRangeDays, @Valid @NotNull @DefaultValue Frequency frequency) {

	/**
	 * @param maxBookings non-cancelled bookings one email address may create within the window
	 * @param window the sliding window the limit counts over
	 */
	public record Frequency(@Min(1) @DefaultValue("3") int maxBookings, @DefaultValue("7d") Duration window) {
	}

}
