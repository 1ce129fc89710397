package com.acme.booking.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import com.acme.booking.admin.AdminProperties;
import com.acme.booking.security.WebSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * An HTTP contract test of the web layer alone: MockMvc in front of the named
 * controllers, with what stands in front of every controller in the service (the filters,
 * strict JSON, the problem mapping of {@link ApiExceptionHandler}, the security layer)
 * but no PostgreSQL, Temporal or outside system. What the controllers call is mocked or
 * imported by the test. Settings are those of the {@code test} profile (the admin key
 * {@code test-admin-key}, no rate limit) unless {@link #properties()} says otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// The refusal counter (a filter) needs the booking metrics, named since package-private.
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "com\\.acme\\.booking\\.booking\\.BookingMetrics"))
@ActiveProfiles("test")
@Import(WebSlice.Infrastructure.class)
public @interface WebSlice {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/** Properties on top of the {@code test} profile's. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

	/** The service's beans that the filters and the problem mapping need. */
	@TestConfiguration(proxyBeanMethods = false)
	@Import({ StrictJsonConfiguration.class, WebSecurity.class })
	@EnableConfigurationProperties({ AdminProperties.class, WebProperties.class })
	class Infrastructure {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		/** The service's clock (the manage links' end of life reads it). */
		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
