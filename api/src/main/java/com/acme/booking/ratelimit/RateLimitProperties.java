package com.acme.booking.ratelimit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client request limit on {@code /api/**} ({@code booking.rate-limit.*}); health
 * endpoints are exempt.
 *
 * @param enabled whether requests are limited at all; health endpoints and callers with
 * the admin key never are
 * @param requestsPerMinute requests one client address may make per minute
 */
@Validated
@ConfigurationProperties("booking.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@Min(1) @DefaultValue("60") int requestsPerMinute) {
}
