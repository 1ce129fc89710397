package com.acme.booking.calendar;

import java.time.Duration;

import com.acme.booking.config.PositiveDuration;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mirror of the business calendar's busy times ({@code booking.calendar.mirror.*}),
 * read by the booking check and the listings instead of asking Google's free/busy per
 * request. Only in effect with {@code booking.calendar.enabled}.
 *
 * @param enabled whether the mirror is kept; without it every booking check asks
 * free/busy (bounded by 2 s)
 * @param pollInterval how often the mirror asks Google for the changes since its last
 * sync: an event the owner adds is respected by the booking check at most this long (plus
 * one call) later
 * @param maxStaleness how old the last successful sync may be for the mirror to be read;
 * older (Google unreachable, or never synced) and the booking check and listings ask
 * free/busy as without a mirror. Must not be shorter than {@code poll-interval}
 */
@Validated
@ConfigurationProperties("booking.calendar.mirror")
public record CalendarMirrorProperties(@DefaultValue("true") boolean enabled,
		@NotNull @PositiveDuration @DefaultValue("10s") Duration pollInterval,
		@NotNull @PositiveDuration @DefaultValue("60s") Duration maxStaleness) {

	public CalendarMirrorProperties {
		if (pollInterval != null && maxStaleness != null && maxStaleness.compareTo(pollInterval) < 0) {
			throw new IllegalArgumentException("booking.calendar.mirror.max-staleness (" + maxStaleness
					+ ") must not be shorter than booking.calendar.mirror.poll-interval (" + pollInterval
					+ "): the mirror would be too old to read between two polls");
		}
	}

}
