package com.acme.booking.laptop.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.config.LocalPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Another local user gets nothing from the embedded PostgreSQL: every connection must
 * give the password, which only the service's user can read, and there is no Unix socket
 * to try.
 */
class EmbeddedPostgresAccessTest {

	@TempDir
	Path temp;

	@Test
	void everyConnectionMustGiveThePasswordThatOnlyTheServicesUserCanRead() throws Exception {
		Path data = temp.resolve("data");

		try (EmbeddedPostgres postgres = start(data)) {
			Path passwordFile = data.resolve("postgres-password");
			String password = Files.readString(passwordFile);
			String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";

			assertThat(PostgresAccess.trustLines(data.resolve("postgres/pg_hba.conf"))).isEmpty();
			assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).contains("scram-sha-256");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(url, null));
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(url, password + "x"))
				.withMessageContaining("password authentication failed");
			try (Connection connection = connect(url, password)) {
				assertThat(connection.isValid(1)).isTrue();
			}
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			assertThat(jdbc.sql("SHOW unix_socket_directories").query(String.class).single()).isEmpty();
			assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("localhost");
			assertThat(password).hasSize(43);
			assertThat(mode(passwordFile)).isEqualTo("rw-------");
			assertThat(mode(data)).isEqualTo("rwx------");
			assertThat(mode(data.resolve("postgres"))).isEqualTo("rwx------");
		}
	}

	/**
	 * Below the kernel's ephemeral range: no server beside it bound to port 0 can take
	 * the port between its choice and PostgreSQL's bind.
	 */
	@Test
	void startsOnAPortThatNoBindToPortZeroIsGiven() throws Exception {
		assumeTrue(LocalPorts.ephemeralStart() > LocalPorts.FIRST, "a Linux kernel's ephemeral port range");

		try (EmbeddedPostgres postgres = start(temp.resolve("data"))) {
			assertThat(postgres.getPort()).isBetween(LocalPorts.FIRST, LocalPorts.ephemeralStart() - 1);
		}
	}

	@Test
	void aRestartOpensTheClusterWithTheKeptPassword() throws Exception {
		Path data = temp.resolve("data");
		try (EmbeddedPostgres first = start(data)) {
			JdbcClient.create(first.getPostgresDatabase()).sql("CREATE TABLE kept (id int)").update();
		}

		try (EmbeddedPostgres again = start(data)) {
			assertThat(JdbcClient.create(again.getPostgresDatabase())
				.sql("SELECT count(*) FROM kept")
				.query(Integer.class)
				.single()).isZero();
		}
	}

	@Test
	void aClusterThatLetsLocalUsersInWithoutAPasswordIsRefusedSayingWhatToDo() throws Exception {
		Path postgres = Files.createDirectories(temp.resolve("data/postgres"));
		Files.writeString(postgres.resolve("postgresql.conf"), "");
		Files.writeString(postgres.resolve("pg_hba.conf"), """
				# TYPE  DATABASE  USER  ADDRESS       METHOD
				local   all       all                 trust
				host    all       all   127.0.0.1/32  trust
				""");

		assertThatIllegalStateException()
			.isThrownBy(() -> PostgresAccess.password(temp.resolve("data"), postgres, false))
			.withMessageContaining("without a password")
			.withMessageContaining("Delete or move that folder");
		assertThat(temp.resolve("data/postgres-password")).doesNotExist();
	}

	@Test
	void aClusterWhosePasswordIsLostIsRefusedRatherThanGivenANewOne() throws Exception {
		Path postgres = Files.createDirectories(temp.resolve("data/postgres"));
		Files.writeString(postgres.resolve("postgresql.conf"), "");
		Files.writeString(postgres.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");

		assertThatIllegalStateException()
			.isThrownBy(() -> PostgresAccess.password(temp.resolve("data"), postgres, false))
			.withMessageContaining("postgres-password is missing");
	}

	private static EmbeddedPostgres start(Path data) throws Exception {
		EmbeddedProperties properties = new EmbeddedProperties(true, data, false, "off", "off");
		try (DataDirLock lock = DataDirLock.acquire(data)) {
			return new EmbeddedPostgresConfiguration().embeddedPostgres(properties, lock);
		}
	}

	private static Connection connect(String url, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
