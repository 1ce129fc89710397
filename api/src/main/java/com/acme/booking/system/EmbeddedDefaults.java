package com.acme.booking.system;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses between the embedded default and external services before the context starts: a configured
 * {@code spring.temporal.connection.target} turns the in-process Temporal server off, unless
 * {@code spring.temporal.test-server.enabled} was set explicitly.
 */
public class EmbeddedDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		apply(event.getEnvironment());
	}

	public static void apply(ConfigurableEnvironment env) {
		Map<String, Object> overrides = new HashMap<>();
		boolean externalTemporal = StringUtils.hasText(env.getProperty("spring.temporal.connection.target"));
		boolean explicit = env.getPropertySources()
			.stream()
			.filter(source -> !source.getName().contains("application.yml"))
			// Spring Boot attaches a view of all sources before this runs; it would report application.yml's value.
			.filter(source -> !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source))
			.anyMatch(source -> source.containsProperty("spring.temporal.test-server.enabled"));
		if (externalTemporal && !explicit) {
			overrides.put("spring.temporal.test-server.enabled", "false");
		}
		if (!overrides.isEmpty()) {
			env.getPropertySources().addFirst(new MapPropertySource("bookingEmbeddedDefaults", overrides));
		}
	}

}
