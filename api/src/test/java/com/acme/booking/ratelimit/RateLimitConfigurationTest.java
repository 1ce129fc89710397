package com.acme.booking.ratelimit;

import com.acme.booking.admin.AdminProperties;
import com.acme.booking.security.AdminKey;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit refuses to start where a client could choose its own address: Spring's
 * forwarded-header filter ({@code framework}) believes {@code X-Forwarded-For} from
 * anyone.
 */
class RateLimitConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(RateLimitConfiguration.class)
		.withBean(RateLimitProperties.class, () -> new RateLimitProperties(true, 60))
		.withBean(AdminKey.class, () -> new AdminKey(new AdminProperties("key")));

	@Test
	void refusesForwardedHeadersBelievedFromAnyClient() {
		context.withPropertyValues("server.forward-headers-strategy=framework")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("booking.rate-limit.enabled=true")
				.hasMessageContaining("server.forward-headers-strategy=native",
						"server.tomcat.remoteip.internal-proxies"));
	}

	@Test
	void startsWithTomcatsForwardedHeadersFromConfiguredProxiesOrNone() {
		context.withPropertyValues("server.forward-headers-strategy=native")
			.run(started -> assertThat(started).hasNotFailed().hasBean("rateLimitFilter"));
		context.run(started -> assertThat(started).hasNotFailed().hasBean("rateLimitFilter"));
	}

	@Test
	void letsFrameworkBeWhenNothingIsLimited() {
		context.withPropertyValues("server.forward-headers-strategy=framework", "booking.rate-limit.enabled=false")
			.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean("rateLimitFilter"));
	}

}
