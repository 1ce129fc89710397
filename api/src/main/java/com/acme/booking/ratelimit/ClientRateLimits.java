package com.acme.booking.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * One Resilience4j rate limiter per client address, held in a bounded cache: an address
 * unseen for longer than a refresh period loses nothing by being forgotten.
 */
class ClientRateLimits {

	private static final Duration PERIOD = Duration.ofMinutes(1);

	private final RateLimiterConfig config;

	private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
		.expireAfterAccess(PERIOD.multipliedBy(2))
		.maximumSize(100_000)
		.build();

	ClientRateLimits(int requestsPerMinute) {
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(requestsPerMinute)
			.limitRefreshPeriod(PERIOD)
			.timeoutDuration(Duration.ZERO)
			.build();
	}

	/**
	 * Takes one permit for {@code client}; when none is left, how long until the next one
	 * is due.
	 */
	Optional<Duration> acquire(String client) {
		RateLimiter limiter = limiters.get(client, address -> new AtomicRateLimiter(address, config));
		if (limiter.acquirePermission()) {
			return Optional.empty();
		}
		long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
				: PERIOD.toNanos();
		return Optional.of(Duration.ofNanos(Math.max(nanos, 0)));
	}

}
