package com.acme.booking.laptop.temporal;

import com.acme.booking.workflow.BookingTemporal;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The in-process Temporal server of the embedded default: real time (no time skipping, so
 * an appointment's timer fires when the appointment ends) and the booking search
 * attributes registered.
 */
@AutoConfiguration(beforeName = "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration")
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "true")
class InProcessTemporalConfiguration {

	@Bean
	TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> inProcessTemporal() {
		return builder -> {
			builder.setUseTimeskipping(false);
			for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
				builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
			}
			return builder;
		};
	}

}
