package com.acme.booking.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.support.Http;

/**
 * The service in a process of its own, started as {@code main} starts it (on the test's class path), so that it can
 * be killed with SIGKILL mid-work and started again on the same data.
 */
final class AppProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private AppProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static AppProcess start(Path dataDir, Path logFile, List<String> settings) {
		int port = TemporalDevServer.freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				BookingApiApplication.class.getName(), "--server.port=" + port, "--booking.embedded.data-dir=" + dataDir,
				"--booking.rate-limit.enabled=false"));
		settings.forEach(setting -> command.add("--" + setting));
		try {
			Files.createDirectories(dataDir);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.start();
			AppProcess app = new AppProcess(process, port);
			app.awaitReady(Duration.ofMinutes(4), logFile);
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return port;
	}

	/** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	private void awaitReady(Duration timeout, Path logFile) throws IOException {
		Http http = new Http(port);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n"
						+ tail(logFile));
			}
			try {
				// Any answer: Tomcat starts listening once the context is up.
				http.get("/api/health");
				return;
			}
			catch (IllegalStateException notListening) {
				// Not listening yet.
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		close();
		throw new IllegalStateException("The service was not ready within " + timeout + ":\n" + tail(logFile));
	}

	private static String tail(Path logFile) throws IOException {
		List<String> lines = Files.readAllLines(logFile);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** SIGTERM, the graceful stop; SIGKILL if it takes too long. */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
