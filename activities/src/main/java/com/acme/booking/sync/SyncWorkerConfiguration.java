package com.acme.booking.sync;

import com.acme.booking.webhook.WebhookProperties;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.worker.WorkflowImplementationOptions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the booking workflow its activity options, built from
 * {@code booking.sync.retry.*}, and for the webhooks from
 * {@code booking.webhooks.retry.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncWorkerConfiguration {

	@Bean
	TemporalOptionsCustomizer<WorkflowImplementationOptions.Builder> bookingWorkflowOptions(SyncProperties properties,
			WebhookProperties webhooks) {
		WorkflowImplementationOptions options = properties.toSettings()
			.implementationOptions(
					webhooks.retry().toSettings(properties.attemptTimeout(), properties.heartbeatTimeout()));
		return builder -> builder.setDefaultActivityOptions(options.getDefaultActivityOptions())
			.setActivityOptions(options.getActivityOptions());
	}

}
