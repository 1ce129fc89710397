package com.acme.booking.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.acme.booking.tools.FreePorts;
import com.acme.booking.tools.RequiredTools;

/**
 * A real PostgreSQL server (the machine's own binaries,
 * {@code apt-get install postgresql}) in a folder of the test, started and stopped by the
 * test to see what the service does while its database is down. As root, the server runs
 * as the {@code postgres} system user, since PostgreSQL refuses to run as root.
 */
final class LocalPostgres implements AutoCloseable {

	private final Path bin;

	private final Path dataDir;

	private final int port;

	private boolean running;

	private LocalPostgres(Path bin, Path dataDir, int port) {
		this.bin = bin;
		this.dataDir = dataDir;
		this.port = port;
	}

	/**
	 * Initialises a cluster in {@code dir} (user {@code booking}, no password) and starts
	 * it on a free port.
	 */
	static LocalPostgres start(Path dir) {
		LocalPostgres postgres = new LocalPostgres(RequiredTools.postgresServer(), dir.resolve("pgdata"),
				FreePorts.any());
		postgres.init(dir);
		postgres.start();
		return postgres;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	void start() {
		run(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-l",
				dataDir.resolveSibling("postgres.log").toString(), "-o",
				"-p " + port + " -c listen_addresses=localhost -k " + dataDir.getParent(), "start");
		running = true;
	}

	void stop() {
		run(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-m", "fast", "stop");
		running = false;
	}

	@Override
	public void close() {
		if (running) {
			stop();
		}
	}

	private void init(Path dir) {
		try {
			Files.createDirectories(dataDir);
			if (asRoot()) {
				run("chown", "-R", "postgres", dir.toString());
				// JUnit's temporary folder is private to root; the postgres user must be
				// able to pass through it.
				run("chmod", "o+x", dir.getParent().toString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "booking", "-A", "trust", "-E", "UTF8",
				"--no-sync");
	}

	private static void run(String... command) {
		List<String> full = new ArrayList<>();
		if (asRoot() && !command[0].startsWith("ch")) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}
