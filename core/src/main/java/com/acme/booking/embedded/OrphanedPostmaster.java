package com.acme.booking.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL runs as a daemon beside the service, so a service killed with SIGKILL (or by the OOM killer) leaves it
 * running on the data folder, and the next start fails: the data folder is locked by the old postmaster. Before
 * starting, this ends such an orphan with a fast shutdown (SIGINT: open transactions roll back, committed ones stay),
 * if {@code postmaster.pid} names a live postgres process for this very folder.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path dataDir) throws IOException {
		Optional<ProcessHandle> orphan = find(dataDir);
		if (orphan.isEmpty()) {
			return;
		}
		long pid = orphan.get().pid();
		log.warn("Ending the embedded PostgreSQL (pid {}) that an earlier run of this service left on {}", pid, dataDir);
		new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start();
		try {
			orphan.get().onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for the old PostgreSQL (pid " + pid + ") to stop", ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IOException("The PostgreSQL left running on " + dataDir + " (pid " + pid + ") did not stop within "
					+ STOP_TIMEOUT + "; stop it and start the service again", ex);
		}
	}

	/** The postmaster of {@code postmaster.pid}, if it is alive and a postgres serving {@code dataDir}. */
	static Optional<ProcessHandle> find(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 2 || !Path.of(lines.get(1).strip()).normalize().equals(dataDir.normalize())) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		// A pid can be reused after a reboot: only a postgres process counts.
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
	}

}
