package com.acme.booking.logging;

import java.util.List;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The correlation id crosses into Temporal on every client: the API's and each worker's.
 */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

	@Bean
	TemporalOptionsCustomizer<WorkflowClientOptions.Builder> correlationIdPropagation() {
		return builder -> builder.setContextPropagators(List.of(new CorrelationIdPropagator()));
	}

}
