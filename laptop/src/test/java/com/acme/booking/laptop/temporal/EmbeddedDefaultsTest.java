package com.acme.booking.laptop.temporal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDefaultsTest {

	static StandardEnvironment environment(Map<String, Object> appYml, Map<String, Object> commandLine) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'", appYml));
		env.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
		// As SpringApplication does: a view of all sources goes first.
		ConfigurationPropertySources.attach(env);
		new EmbeddedDefaults().apply(env);
		return env;
	}

	@Test
	void keepsInProcessTemporalWhenAskedForWithoutATarget() {
		var env = environment(Map.of("spring.temporal.test-server.enabled", "true"),
				Map.of("booking.temporal.mode", "in-process"));

		assertThat(env.getProperty("spring.temporal.test-server.enabled")).isEqualTo("true");
	}

	@Test
	void aConfiguredTargetTurnsTheInProcessServerOff() {
		var env = environment(Map.of("spring.temporal.test-server.enabled", "true"),
				Map.of("spring.temporal.connection.target", "localhost:7233"));

		assertThat(env.getProperty("spring.temporal.test-server.enabled")).isEqualTo("false");
	}

	@Test
	void anExplicitChoiceWins() {
		var env = environment(Map.of("spring.temporal.test-server.enabled", "true"), Map
			.of("spring.temporal.connection.target", "localhost:7233", "spring.temporal.test-server.enabled", "true"));

		assertThat(env.getProperty("spring.temporal.test-server.enabled")).isEqualTo("true");
	}

}
