package com.acme.booking.laptop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a server process that a killed ({@code kill -9}) earlier start of this service
 * left running on its data: the embedded PostgreSQL and the Temporal dev server outlive
 * their parent and would hold the data and ports of the next start. The process is found
 * by the pid file the server keeps beside its data, and ended only if its command line
 * names that data, so a pid reused by an unrelated process is left alone.
 */
public final class Orphans {

	private static final Logger log = LoggerFactory.getLogger(Orphans.class);

	/** How long a server may take to stop on SIGTERM before it is killed. */
	public static final Duration GRACE = Duration.ofSeconds(10);

	private Orphans() {
	}

	/**
	 * Ends the process whose pid is the first line of {@code pidFile}, if it is alive and
	 * its command line contains {@code marker}; true if there was one.
	 */
	public static boolean end(Path pidFile, String marker, String what) throws IOException {
		if (!Files.exists(pidFile)) {
			return false;
		}
		Optional<ProcessHandle> orphan = firstLinePid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.info().commandLine().filter(line -> line.contains(marker)).isPresent());
		if (orphan.isEmpty()) {
			return false;
		}
		log.warn("Ending the {} (pid {}) that an earlier start of this service left running", what, orphan.get().pid());
		stop(orphan.get());
		return true;
	}

	/** SIGTERM, then SIGKILL when it does not end within {@link #GRACE}. */
	public static void stop(ProcessHandle handle) {
		if (!handle.isAlive()) {
			return;
		}
		handle.destroy();
		try {
			handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			handle.destroyForcibly();
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
	}

	private static Optional<Long> firstLinePid(Path pidFile) throws IOException {
		try {
			return Files.readAllLines(pidFile, StandardCharsets.UTF_8)
				.stream()
				.findFirst()
				.map(String::trim)
				.map(Long::parseLong);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
