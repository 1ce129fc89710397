package com.acme.booking.laptop.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.acme.booking.config.OwnerOnly;

/**
 * How the embedded PostgreSQL lets the service in: as {@code postgres} with a random
 * password (SCRAM-SHA-256) made on the first start and kept in
 * {@code <data-dir>/postgres-password} ({@code 0600}). initdb writes a
 * {@code pg_hba.conf} that asks every connection for it, and the server listens on
 * localhost TCP only, without a Unix socket, so another local user can neither connect
 * without the password nor read it.
 */
final class PostgresAccess {

	static final String PASSWORD_FILE = "postgres-password";

	private PostgresAccess() {
	}

	/**
	 * The password for the cluster in {@code postgresDir}, made when the cluster is yet
	 * to be made.
	 * @throws IllegalStateException when the cluster there lets anyone in without a
	 * password, or its password is lost
	 */
	static String password(Path dataDir, Path postgresDir, boolean fresh) throws IOException {
		Path file = dataDir.resolve(PASSWORD_FILE);
		boolean exists = !fresh && Files.exists(postgresDir.resolve("postgresql.conf"));
		if (exists) {
			List<String> trust = trustLines(postgresDir.resolve("pg_hba.conf"));
			if (!trust.isEmpty()) {
				throw new IllegalStateException(postgresDir + " lets every local user in as superuser without a "
						+ "password (pg_hba.conf: " + trust.get(0) + "); it was made by an earlier version. Delete or "
						+ "move that folder and start again: the embedded PostgreSQL is created afresh, with a password");
			}
			if (!Files.exists(file)) {
				throw new IllegalStateException(file + " is missing, so the embedded PostgreSQL in " + postgresDir
						+ " cannot be opened; restore the file, or delete that folder to start afresh");
			}
		}
		if (Files.exists(file)) {
			return Files.readString(file).strip();
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		OwnerOnly.newFile(file, password);
		return password;
	}

	/** The lines of {@code pg_hba.conf} that admit a connection without a password. */
	static List<String> trustLines(Path hba) throws IOException {
		if (!Files.exists(hba)) {
			return List.of();
		}
		return Files.readAllLines(hba)
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.filter(line -> List.of(line.split("\\s+")).contains("trust"))
			.toList();
	}

}
