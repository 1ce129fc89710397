package com.acme.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.tools.FreePorts;
import com.acme.booking.tools.RequiredTools;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker jar's application alone against a real Temporal server: the CLI's dev server
 * (the SDK's {@link TemporalDevServer}, from the {@code temporal} binary the build
 * obtained, never a download), whose search attributes the worker registers itself at
 * start, as it would on a server of its own.
 */
@SpringBootTest(classes = BookingWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.url=", "booking.embedded.enabled=true",
				"booking.embedded.data-dir=target/worker-dev-server-test-${random.uuid}",
				"booking.embedded.clean-on-start=true", "booking.embedded.synchronous-commit=off",
				"booking.embedded.fsync=off" })
// Closed after the class: a cached context would keep its worker polling the stopped dev
// server, and its failure
// logs would land in later tests' captured output.
@DirtiesContext
class BookingWorkerDevServerTest {

	static final TemporalDevServer server = TemporalDevServer.start(TemporalDevServerOptions.newBuilder()
		.setExistingPath(RequiredTools.temporalCli().toString())
		.setDownloadEnabled(false)
		.setPort(FreePorts.any())
		.setUiEnabled(false)
		.build());

	@DynamicPropertySource
	static void temporal(DynamicPropertyRegistry registry) {
		registry.add("spring.temporal.connection.target", server::getTarget);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Autowired
	BookingRepository bookings;

	@Autowired
	WorkflowClient client;

	@Test
	void workerAloneSyncsABookingOnTheDevServer() {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		UUID id = UUID.randomUUID();
		Booking inserted = bookings.insert(id,
				new NewBooking("Ada Lovelace", "ada@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)), Instant.now(),
				ChangeSource.CUSTOMER);

		WorkflowClient.start(client.newWorkflowStub(BookingWorkflow.class,
				WorkflowOptions.newBuilder()
					.setTaskQueue(BookingTemporal.TASK_QUEUE)
					.setWorkflowId(BookingTemporal.workflowId(id.toString()))
					.build())::run,
				id.toString());

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Booking booking = bookings.findById(id).orElseThrow();
			assertThat(booking.sync(Integration.CALENDAR).syncedRevision()).isEqualTo(inserted.revision());
			assertThat(booking.sync(Integration.CRM).syncedRevision()).isEqualTo(inserted.revision());
			assertThat(client.listExecutions("BookingId = '" + id + "' AND CalendarSync = 'DISABLED'").count())
				.as("the search attributes the worker registered work in visibility queries")
				.isEqualTo(1);
		});
	}

}
