package com.acme.booking;

import java.io.IOException;

import javax.sql.DataSource;

import com.acme.booking.config.LocalPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A throw-away PostgreSQL (zonky's embedded binaries, as the laptop runtime uses them),
 * for slice tests of the SQL: fast rather than durable.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedDatabase {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(LocalPorts.free())
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		return postgres.getPostgresDatabase();
	}

}
