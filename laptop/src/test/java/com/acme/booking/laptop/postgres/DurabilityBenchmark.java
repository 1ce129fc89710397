package com.acme.booking.laptop.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.UUID;

import com.acme.booking.config.EmbeddedProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * What durability costs the embedded PostgreSQL: single-row commits per second on one
 * connection (each one a booking-sized insert, autocommit), with fsync and
 * synchronous_commit off (zonky's default) and on (ours). Not a test: run
 * {@code scripts/bench-durability.sh [commits [rounds]]}; see docs/operations.md.
 */
public final class DurabilityBenchmark {

	private DurabilityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int commits = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path data = Files.createTempDirectory("booking-durability-bench");
		try {
			for (int round = 1; round <= rounds; round++) {
				for (String setting : new String[] { "off", "on" }) {
					double perSecond = run(data.resolve(setting + round), setting, commits);
					System.out.printf(Locale.ROOT,
							"round %d  fsync=%-3s synchronous_commit=%-3s  %6d commits  %8.0f commits/s  %.3f ms/commit%n",
							round, setting, setting, commits, perSecond, 1000 / perSecond);
				}
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	private static double run(Path dir, String setting, int commits) throws Exception {
		try (DataDirLock lock = DataDirLock.acquire(dir);
				EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration()
					.embeddedPostgres(new EmbeddedProperties(true, dir, true, setting, setting), lock);
				Connection connection = postgres.getPostgresDatabase().getConnection()) {
			connection.createStatement()
				.execute("CREATE TABLE bench (id uuid PRIMARY KEY, name varchar(200), at timestamptz DEFAULT now())");
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench (id, name) VALUES (?, ?)")) {
				long started = System.nanoTime();
				for (int i = 0; i < commits; i++) {
					insert.setObject(1, UUID.randomUUID());
					insert.setString(2, "Ada Lovelace " + i);
					insert.executeUpdate();
				}
				return commits / ((System.nanoTime() - started) / 1e9);
			}
		}
	}

}
