package com.acme.activitiestest;

import java.time.Clock;

import com.acme.booking.workflow.BookingTemporal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The worker as the activities module's tests run it: embedded PostgreSQL, the in-process
 * Temporal server with the booking search attributes, the real workflow and activities.
 * Tests point the integrations at WireMock.
 *
 * <p>
 * Outside {@code com.acme.booking} on purpose: the API's tests reuse this module's Google
 * and HubSpot stand-ins (its test-jar), and there {@code @SpringBootTest} must find
 * {@code BookingApiApplication} alone.
 */
@SpringBootApplication(scanBasePackages = "com.acme.booking")
@ConfigurationPropertiesScan("com.acme.booking")
public class ActivitiesTestApplication {

	/**
	 * What Boot's metrics auto-configuration gives the API; the activities' metrics are
	 * asserted on it.
	 */
	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	/** As the API and the worker jar have it; the tests' pinned clock moves it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> searchAttributes() {
		return builder -> {
			for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
				builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
			}
			return builder;
		};
	}

}
