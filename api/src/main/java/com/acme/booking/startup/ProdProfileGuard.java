package com.acme.booking.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.acme.booking.calendar.CalendarProperties;
import com.acme.booking.crm.CrmProperties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The {@code prod} profile refuses to start on anything meant for a laptop: the embedded
 * PostgreSQL, an in-process or dev Temporal server, no admin key, the generated token
 * secret beside the data, an admin key or token secret that could be guessed
 * ({@link SecretStrength}), or an enabled integration whose credentials fail their format
 * check. It runs before anything starts (no database, no server), lists every problem at
 * once, and is registered in {@code META-INF/spring.factories} so every way of starting
 * the API has it.
 */
public class ProdProfileGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PROFILE = "prod";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment env = event.getEnvironment();
		if (!env.acceptsProfiles(Profiles.of(PROFILE))) {
			return;
		}
		List<String> problems = problems(env);
		if (!problems.isEmpty()) {
			throw new ProdConfigurationRefused(problems);
		}
	}

	/**
	 * Runs after Spring Boot has read the configuration files and the active profiles.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	public static List<String> problems(Environment env) {
		List<String> problems = new ArrayList<>();
		if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
			problems.add("spring.datasource.url is not set: prod does not run on the embedded PostgreSQL");
		}
		if (!StringUtils.hasText(env.getProperty("spring.temporal.connection.target"))) {
			problems.add("spring.temporal.connection.target is not set: prod does not run on an in-process or dev "
					+ "Temporal server (booking.temporal.mode=" + env.getProperty("booking.temporal.mode", "auto")
					+ "); point it at a Temporal cluster or Temporal Cloud");
		}
		else if (env.getProperty("spring.temporal.test-server.enabled", Boolean.class, false)
				&& explicitlyEnabledTestServer(env)) {
			problems
				.add("spring.temporal.test-server.enabled=true: prod does not run on the in-process Temporal server");
		}
		String adminKey = env.getProperty("booking.admin.api-key");
		if (!StringUtils.hasText(adminKey)) {
			problems.add("booking.admin.api-key is not set: operators could not retry a sync or list bookings");
		}
		else {
			SecretStrength.weakness("booking.admin.api-key", adminKey).ifPresent(problems::add);
		}
		String tokenSecret = env.getProperty("booking.security.token-secret");
		String tokenSecretFile = env.getProperty("booking.security.token-secret-file");
		if (StringUtils.hasText(tokenSecret)) {
			SecretStrength.weakness("booking.security.token-secret", tokenSecret).ifPresent(problems::add);
		}
		else if (StringUtils.hasText(tokenSecretFile)) {
			fileSecret(tokenSecretFile)
				.flatMap(secret -> SecretStrength.weakness("booking.security.token-secret-file (its content)", secret))
				.ifPresent(problems::add);
		}
		else {
			problems.add("neither booking.security.token-secret nor booking.security.token-secret-file is set: prod "
					+ "does not use the secret generated beside the embedded data (every API instance needs the same)");
		}
		Binder binder = Binder.get(env);
		integration(binder, "booking.calendar", CalendarProperties.class, problems);
		integration(binder, "booking.crm", CrmProperties.class, problems);
		return problems;
	}

	/**
	 * The secret in the named file; empty when it cannot be read here, which the token
	 * service refuses itself when it starts.
	 */
	private static Optional<String> fileSecret(String file) {
		try {
			return Optional.of(Files.readString(Path.of(file)).strip());
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	/**
	 * The API's application.yml turns the in-process server on; EmbeddedDefaults turns it
	 * off with a target.
	 */
	private static boolean explicitlyEnabledTestServer(Environment env) {
		return env instanceof ConfigurableEnvironment configurable && configurable.getPropertySources()
			.stream()
			.filter(source -> !source.getName().contains("application.yml"))
			.filter(source -> !source.getName().equals("bookingEmbeddedDefaults"))
			// Spring Boot's view over all the other sources, not a source of its own.
			.filter(source -> !source.getName().equals("configurationProperties"))
			.anyMatch(
					source -> "true".equals(String.valueOf(source.getProperty("spring.temporal.test-server.enabled"))));
	}

	/**
	 * Binding an enabled integration runs its credential format check; a disabled one
	 * checks nothing.
	 */
	private static void integration(Binder binder, String prefix, Class<?> type, List<String> problems) {
		try {
			binder.bind(prefix, type);
		}
		catch (BindException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			problems.add(cause.getMessage());
		}
	}

}
