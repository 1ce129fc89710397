package com.acme.booking.core;

import java.util.Locale;
import java.util.Map;

import com.acme.booking.config.EmbeddedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * PostgreSQL's {@code fsync} and {@code synchronous_commit} as the running server has
 * them, read once at start-up. The embedded default must have what
 * {@link EmbeddedProperties} asks for (else the start fails: a durability promise
 * silently not kept is worse than no start); any database with either off gets a WARN
 * line.
 */
@Component
public class Durability {

	private static final Logger log = LoggerFactory.getLogger(Durability.class);

	private final String fsync;

	private final String synchronousCommit;

	public Durability(JdbcClient jdbc, Environment env) {
		this.fsync = show(jdbc, "fsync");
		this.synchronousCommit = show(jdbc, "synchronous_commit");
		if (embeddedPostgres(env)) {
			requireConfigured(Binder.get(env).bindOrCreate("booking.embedded", EmbeddedProperties.class));
		}
		if (!durable()) {
			log.warn("PostgreSQL runs with fsync={} and synchronous_commit={}: acknowledged bookings can be lost "
					+ "in a crash", fsync, synchronousCommit);
		}
	}

	/** As the laptop runtime decides: enabled, and no external database configured. */
	private static boolean embeddedPostgres(Environment env) {
		return env.getProperty("booking.embedded.enabled", Boolean.class, false)
				&& !StringUtils.hasText(env.getProperty("spring.datasource.url"));
	}

	private void requireConfigured(EmbeddedProperties wanted) {
		Map<String, String[]> settings = Map.of("fsync", new String[] { wanted.fsync(), fsync }, "synchronous_commit",
				new String[] { wanted.synchronousCommit(), synchronousCommit });
		settings.forEach((name, values) -> {
			if (!postgresSpelling(values[0]).equals(values[1])) {
				throw new IllegalStateException("The embedded PostgreSQL was asked for " + name + "=" + values[0]
						+ " but runs with " + name + "=" + values[1]);
			}
		});
	}

	/**
	 * How PostgreSQL shows a setting it was given: its booleans accept {@code true},
	 * {@code yes} and {@code 1} for {@code on} (and the opposites for {@code off}), and
	 * an unquoted {@code on} in application.yml arrives as {@code true}, so a literal
	 * comparison would refuse a correctly configured start.
	 */
	static String postgresSpelling(String configured) {
		String value = configured.strip().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "on", "true", "yes", "1" -> "on";
			case "off", "false", "no", "0" -> "off";
			default -> value;
		};
	}

	private static String show(JdbcClient jdbc, String setting) {
		return jdbc.sql("SELECT current_setting(?)").param(setting).query(String.class).single();
	}

	/** True when both settings are on, so an acknowledged commit is on disk. */
	public boolean durable() {
		return "on".equals(fsync) && "on".equals(synchronousCommit);
	}

	/** For the start-up summary, e.g. {@code fsync=on, synchronous_commit=on}. */
	@Override
	public String toString() {
		return "fsync=" + fsync + ", synchronous_commit=" + synchronousCommit;
	}

}
