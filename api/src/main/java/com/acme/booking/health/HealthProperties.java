package com.acme.booking.health;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The background probe behind the integration health ({@code booking.health.*}).
 *
 * @param probeInterval how often Google and HubSpot are probed (at least 1s); a
 * circuit-breaker state change probes at once too. Each probe is one cheap read (HubSpot
 * counts it against the daily quota: one a minute is 1,440 a day)
 */
@Validated
@ConfigurationProperties("booking.health")
public record HealthProperties(@DurationMin(seconds = 1) @DefaultValue("1m") Duration probeInterval) {
}
