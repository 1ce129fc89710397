package com.acme.booking.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.support.TestClock;
import com.acme.booking.tools.FreePorts;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * The booking service in a JVM of its own, started as {@code main} starts it (on the
 * test's class path), so that a test can {@code kill -9} it mid-work and start it again
 * on the same data; or the worker jar's application, likewise. Its output goes to the
 * given log file.
 */
public final class ChildJvmApp implements AutoCloseable {

	private final Process process;

	private final int port;

	private final RestClient http;

	private ChildJvmApp(Process process, int port) {
		this.process = process;
		this.port = port;
		this.http = RestClient.create("http://localhost:" + port);
	}

	/** Starts the service on a free port and waits until it serves HTTP. */
	public static ChildJvmApp start(Path dataDir, Path log, List<String> properties) throws IOException {
		return start(dataDir, FreePorts.any(), log, properties);
	}

	static ChildJvmApp start(Path dataDir, int port, Path log, List<String> properties) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--booking.embedded.data-dir=" + dataDir, "--booking.rate-limit.enabled=false"));
		properties.forEach(property -> arguments.add("--" + property));
		return start(System.getProperty("java.class.path"), BookingApiApplication.class.getName(), arguments, port,
				"/api/health", log);
	}

	/**
	 * The worker jar's application ({@code mainClass} on {@code classPath}, which is not
	 * the tests' own), its Actuator on {@code port}; waits until it is ready: its
	 * database and Temporal answer and it polls.
	 */
	static ChildJvmApp worker(String classPath, String mainClass, int port, Path log, List<String> properties)
			throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--management.server.port=" + port));
		properties.forEach(property -> arguments.add("--" + property));
		return start(classPath, mainClass, arguments, port, "/actuator/health/readiness", log);
	}

	/** Starts {@code mainClass} and waits until it is ready ({@link #ready(String)}). */
	private static ChildJvmApp start(String classPath, String mainClass, List<String> arguments, int port,
			String readyPath, Path log) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1"));
		// Its clock starts where the tests' clock is now (TestClockInitializer, on this
		// class path).
		command.addAll(TestClock.jvmArguments());
		command.addAll(List.of("-cp", classPath, mainClass));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		ChildJvmApp app = new ChildJvmApp(process, port);
		try {
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + "; see " + log);
				}
				return app.ready(readyPath);
			});
		}
		catch (RuntimeException ex) {
			app.stop();
			throw ex;
		}
		return app;
	}

	public int port() {
		return port;
	}

	/**
	 * Serving HTTP and {@code path} answering 2xx; for the API's {@code /api/health},
	 * serving at all: Tomcat starts when the context is refreshed, Temporal and the
	 * database included.
	 */
	private boolean ready(String path) {
		try {
			return http.get()
				.uri(path)
				.exchange((request, response) -> path.equals("/api/health")
						|| response.getStatusCode().is2xxSuccessful());
		}
		catch (RuntimeException notYet) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> book(int n) {
		Map<String, Object> request = Map.of("name", "Restart Customer " + n, "email", "restart" + n + "@example.com",
				"startTime", RunningApp.slot(n).toString());
		return http.post()
			.uri("/api/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(Map.class);
	}

	void rename(Map<String, Object> booking, String name) {
		http.patch()
			.uri("/api/bookings/{id}", booking.get("id"))
			.header("X-Booking-Token", (String) booking.get("manageToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name))
			.retrieve()
			.toBodilessEntity();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> adminView(Object id) {
		return http.get()
			.uri("/api/bookings/{id}", id)
			.header("X-Api-Key", RunningApp.ADMIN_KEY)
			.retrieve()
			.body(Map.class);
	}

	/** {@code kill -9}: no shutdown hook runs, the dev server child is left behind. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * SIGTERM, as a service manager stops the service; SIGKILL if it takes over a minute.
	 */
	void stop() {
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

	@Override
	public void close() {
		stop();
	}

}
