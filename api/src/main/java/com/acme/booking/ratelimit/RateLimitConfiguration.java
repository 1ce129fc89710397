package com.acme.booking.ratelimit;

import com.acme.booking.security.AdminKey;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts the per-client rate limit in front of {@code /api/*} unless
 * {@code booking.rate-limit.enabled=false}. It refuses to start with
 * {@code server.forward-headers-strategy=framework}: Spring's forwarded-header filter
 * believes {@code X-Forwarded-For} from any client, so one client could pass for as many
 * as it likes. Tomcat's {@code native} strategy believes it only from the proxies in
 * {@code server.tomcat.remoteip.internal-proxies} / {@code trusted-proxies}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "booking.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, AdminKey adminKey,
			Environment env) {
		if ("framework".equalsIgnoreCase(env.getProperty("server.forward-headers-strategy", "").strip())) {
			throw new IllegalStateException("booking.rate-limit.enabled=true does not go with "
					+ "server.forward-headers-strategy=framework, which believes X-Forwarded-For from any client, so "
					+ "one client could pass for many and escape the limit. Use server.forward-headers-strategy=native "
					+ "with server.tomcat.remoteip.internal-proxies matching your proxies (docs/deployment.md)");
		}
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(new ClientRateLimits(properties.requestsPerMinute()), adminKey));
		registration.addUrlPatterns("/api/*");
		// Ahead of everything else, so a refused request costs as little as possible.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
