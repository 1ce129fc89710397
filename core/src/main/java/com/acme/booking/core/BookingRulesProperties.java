package com.acme.booking.core;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import com.acme.booking.config.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduling rules ({@code booking.rules.*}). In core because the calendar sync (and
 * so the worker) needs the business time zone too: one record, one default.
 *
 * @param timeZone business time zone (IANA)
 * @param businessHours comma-separated ranges per weekday
 * ({@code MONDAY: 09:00-12:00,13:00-17:00}); a day left out is closed. When none is
 * configured at all, MONDAY..FRIDAY 09:00-17:00. Each range must end after it starts, and
 * the ranges of a day must not overlap.
 * @param defaultDuration duration of a booking when the request names none
 * @param minDuration shortest bookable duration
 * @param maxDuration longest bookable duration
 * @param slotStep grid of offered start times, from each range's start
 * @param buffer free time kept before and after every booking and busy period (zero or
 * more, less than a day)
 * @param minNotice how far ahead of now the earliest slot starts
 * @param maxAdvance how far ahead of now the latest slot may start
 * @param maxRangeDays longest span one availability listing may cover
 * @param frequency per-email booking limit
 * @param verifyEmail whether a new booking is held as {@code PENDING_VERIFICATION} until
 * the customer opens the link of a verification email; nothing reaches the calendar or
 * the CRM before, and a hold not confirmed within {@code verificationWindow} expires and
 * frees its slot
 * @param verificationWindow how long a hold waits for the customer's confirmation
 */
@Validated
@ConfigurationProperties("booking.rules")
public record BookingRulesProperties(@NotNull @DefaultValue("Europe/London") ZoneId timeZone,
		Map<String, String> businessHours, @NotNull @PositiveDuration @DefaultValue("30m") Duration defaultDuration,
		@NotNull @PositiveDuration @DefaultValue("15m") Duration minDuration,
		@NotNull @PositiveDuration @DefaultValue("4h") Duration maxDuration,
		@NotNull @PositiveDuration @DefaultValue("30m") Duration slotStep,
		@NotNull @DurationMin(nanos = 0) @DurationMax(days = 1, inclusive = false,
				message = "must be shorter than a day, e.g. 15m") @DefaultValue("15m") Duration buffer,
		@NotNull @DurationMin(nanos = 0) @DefaultValue("2h") Duration minNotice,
		@NotNull @PositiveDuration @DefaultValue("90d") Duration maxAdvance,
		@Min(1) @DefaultValue("30") int maxRangeDays, @Valid @NotNull @DefaultValue Frequency frequency,
		@DefaultValue("false") boolean verifyEmail,
		@NotNull @PositiveDuration @DefaultValue("15m") Duration verificationWindow) {

	/**
	 * Checks what one field's constraint cannot see; the message names the properties,
	 * since Spring reports it as the reason binding {@code booking.rules} failed.
	 * Business hours are parsed (and refused, naming the day's property) by the API's
	 * slot rules, where their parser lives.
	 */
	public BookingRulesProperties {
		if (minDuration != null && maxDuration != null && minDuration.compareTo(maxDuration) > 0) {
			throw new IllegalArgumentException("booking.rules.min-duration (" + minDuration.toMinutes()
					+ "m) must not be longer than booking.rules.max-duration (" + maxDuration.toMinutes() + "m)");
		}
		if (defaultDuration != null && minDuration != null && maxDuration != null
				&& (defaultDuration.compareTo(minDuration) < 0 || defaultDuration.compareTo(maxDuration) > 0)) {
			throw new IllegalArgumentException("booking.rules.default-duration (" + defaultDuration.toMinutes()
					+ "m) must lie between booking.rules.min-duration and booking.rules.max-duration");
		}
	}

	/**
	 * @param maxBookings non-cancelled bookings one email address may create within the
	 * window; a hold never confirmed counts too, even once it expired
	 * @param window the sliding window the limit counts over
	 */
	public record Frequency(@Min(1) @DefaultValue("3") int maxBookings,
			@NotNull @PositiveDuration @DefaultValue("7d") Duration window) {
	}

}
