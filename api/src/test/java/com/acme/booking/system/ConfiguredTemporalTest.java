package com.acme.booking.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import com.acme.booking.tools.FreePorts;
import com.acme.booking.workflow.BookingTemporal;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as a production build starts it, without the laptop runtime's listener: its
 * workflows go to the Temporal server at {@code spring.temporal.connection.target}, never
 * to an in-process server of its own.
 */
class ConfiguredTemporalTest {

	@TempDir
	Path data;

	@Test
	void withoutTheLaptopRuntimeTheBookingsWorkflowRunsOnTheConfiguredServer() throws Exception {
		int port = FreePorts.any();
		String target = "localhost:" + port;
		try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(port, false);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(BookingApiApplication.class).run(
						"--server.port=0", "--booking.embedded.data-dir=" + data,
						"--booking.embedded.synchronous-commit=off", "--booking.embedded.fsync=off",
						"--booking.rate-limit.enabled=false", "--spring.temporal.connection.target=" + target)) {
			assertThat(app.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo(target);

			Instant start = Slots.fresh();
			Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
			Http.Response created = http.post("/api/bookings", Map.of("name", "Grace Hopper", "email",
					"configured-temporal@example.com", "startTime", start.toString()));
			assertThat(created.status()).as(created.body()).isEqualTo(201);

			WorkflowServiceStubs stubs = WorkflowServiceStubs
				.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
			try {
				WorkflowClient client = WorkflowClient.newInstance(stubs);
				String workflowId = BookingTemporal.workflowId(created.json().path("id").asString());
				await().atMost(Duration.ofSeconds(30))
					.ignoreExceptions()
					.until(() -> client.newUntypedWorkflowStub(workflowId).describe().getStatus() != null);
			}
			finally {
				stubs.shutdownNow();
			}
		}
	}

}
