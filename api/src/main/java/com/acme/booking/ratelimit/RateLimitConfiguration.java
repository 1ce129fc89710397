package com.acme.booking.ratelimit;

import com.acme.booking.admin.AdminKey;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the per-client rate limit in front of {@code /api/*} unless
 * {@code booking.rate-limit.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "booking.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, AdminKey adminKey) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(new ClientRateLimits(properties.requestsPerMinute()), adminKey));
		registration.addUrlPatterns("/api/*");
		// Ahead of everything else, so a refused request costs as little as possible.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
