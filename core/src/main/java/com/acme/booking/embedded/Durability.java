package com.acme.booking.embedded;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code fsync} and {@code synchronous_commit} as the running server has them, read once at start-up.
 * The embedded default must have what {@link EmbeddedProperties} asks for (else the start fails: a durability
 * promise silently not kept is worse than no start); any database with either off gets a WARN line.
 */
@Component
public class Durability {

	private static final Logger log = LoggerFactory.getLogger(Durability.class);

	private final String fsync;

	private final String synchronousCommit;

	Durability(JdbcClient jdbc, Environment env) {
		this.fsync = show(jdbc, "fsync");
		this.synchronousCommit = show(jdbc, "synchronous_commit");
		if (EmbeddedPostgresCondition.active(env)) {
			requireConfigured(Binder.get(env).bindOrCreate("booking.embedded", EmbeddedProperties.class));
		}
		if (!durable()) {
			log.warn("PostgreSQL runs with fsync={} and synchronous_commit={}: acknowledged bookings can be lost "
					+ "in a crash", fsync, synchronousCommit);
		}
	}

	private void requireConfigured(EmbeddedProperties wanted) {
		Map<String, String[]> settings = Map.of("fsync", new String[] { wanted.fsync(), fsync }, "synchronous_commit",
				new String[] { wanted.synchronousCommit(), synchronousCommit });
		settings.forEach((name, values) -> {
			if (!values[0].equalsIgnoreCase(values[1])) {
				throw new IllegalStateException("The embedded PostgreSQL was asked for " + name + "=" + values[0]
						+ " but runs with " + name + "=" + values[1]);
			}
		});
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
