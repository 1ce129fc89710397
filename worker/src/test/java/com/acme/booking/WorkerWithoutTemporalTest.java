package com.acme.booking;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker started before its Temporal server says so in one line per attempt, keeps
 * retrying, and starts polling once the server is there (started only after the first
 * refusal): no stack trace, no exit. Its readiness says so: down while it waits, up once
 * it polls.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkerWithoutTemporalTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path dataDir;

	@Test
	void retriesTheConnectionWithOneLinePerAttemptAndStartsOnceTemporalIsThere(CapturedOutput output) throws Exception {
		int port = freePort();
		String target = "localhost:" + port;
		int managementPort = freePort();
		CompletableFuture<ConfigurableApplicationContext> worker = CompletableFuture
			.supplyAsync(() -> SpringApplication.run(BookingWorkerApplication.class,
					"--spring.temporal.connection.target=" + target, "--spring.datasource.url=",
					"--booking.embedded.enabled=true", "--booking.embedded.data-dir=" + dataDir,
					"--booking.embedded.synchronous-commit=off", "--management.server.port=" + managementPort));
		try {
			// Generous bounds: they only stop a broken test, on a machine shared with
			// other builds.
			await().atMost(Duration.ofSeconds(180))
				.until(() -> output.getAll().contains("Temporal not reachable at " + target + ", retrying"));
			assertThat(worker).isNotDone();
			// No stack trace about this worker's target (the JVM's output may hold other
			// tests' lines).
			assertThat(output.getAll()).doesNotContain("APPLICATION FAILED TO START")
				.doesNotContain("127.0.0.1:" + port);
			assertThat(readiness(managementPort)).as("not ready while nothing polls").isEqualTo(503);

			try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(port, false)) {
				ConfigurableApplicationContext context = worker.get(180, TimeUnit.SECONDS);
				try (context) {
					assertThat(output.getAll()).contains("Temporal reachable at " + target);
					assertThat(context.getBean(WorkerFactory.class).isStarted()).isTrue();
					await().atMost(Duration.ofSeconds(30)).until(() -> readiness(managementPort) == 200);
				}
			}
		}
		finally {
			worker.cancel(true);
		}
	}

	private static int readiness(int managementPort) throws IOException, InterruptedException {
		return HTTP
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
