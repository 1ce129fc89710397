package com.acme.booking.laptop.postgres;

import java.nio.file.Path;

import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.core.Durability;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps an acknowledged booking through an OS crash: fsync and
 * synchronous_commit are on.
 */
class DurabilityTest {

	@TempDir
	Path data;

	@Test
	void embeddedDefaultRunsWithFsyncAndSynchronousCommitOn() throws Exception {
		EmbeddedProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("booking.embedded",
				EmbeddedProperties.class);
		EmbeddedProperties properties = new EmbeddedProperties(true, data, true, defaults.synchronousCommit(),
				defaults.fsync());

		try (DataDirLock lock = DataDirLock.acquire(data);
				EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties, lock)) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			MockEnvironment env = new MockEnvironment().withProperty("booking.embedded.enabled", "true")
				.withProperty("booking.embedded.data-dir", data.toString());
			Durability durability = new Durability(jdbc, env);

			assertThat(durability).hasToString("fsync=on, synchronous_commit=on");
			assertThat(durability.durable()).isTrue();
		}
	}

	/**
	 * An unquoted {@code fsync: on} in application.yml binds as {@code "true"};
	 * PostgreSQL shows it as {@code on}.
	 */
	@Test
	void booleanSpellingsOfTheSettingsDoNotFailTheStart() throws Exception {
		EmbeddedProperties properties = new EmbeddedProperties(true, data, true, "false", "true");

		try (DataDirLock lock = DataDirLock.acquire(data);
				EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties, lock)) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			MockEnvironment env = new MockEnvironment().withProperty("booking.embedded.enabled", "true")
				.withProperty("booking.embedded.data-dir", data.toString())
				.withProperty("booking.embedded.fsync", "true")
				.withProperty("booking.embedded.synchronous-commit", "false");
			Durability durability = new Durability(jdbc, env);

			assertThat(durability).hasToString("fsync=on, synchronous_commit=off");
			assertThat(durability.durable()).isFalse();
		}
	}

}
