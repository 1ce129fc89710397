package com.acme.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker application on its own: embedded PostgreSQL and the in-process Temporal
 * server stand in for the external ones (the in-process server needs the booking search
 * attributes registered up front, as a real server gets them from the compose setup step
 * or the registrar), and a booking's workflow runs to the point where both (disabled)
 * integrations are recorded. Its management port serves liveness, readiness and the
 * Prometheus metrics of the SDK and of the syncs.
 */
@SpringBootTest(classes = BookingWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.temporal.test-server.enabled=true", "spring.temporal.connection.target=",
				"spring.datasource.url=", "booking.embedded.enabled=true",
				"booking.embedded.data-dir=target/test-data/${random.uuid}", "booking.embedded.clean-on-start=true",
				"booking.embedded.synchronous-commit=off", "booking.embedded.fsync=off" })
@Import(BookingWorkerApplicationTest.BookingSearchAttributes.class)
class BookingWorkerApplicationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	BookingRepository bookings;

	@Autowired
	WorkflowClient client;

	@LocalServerPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Test
	void workerRecordsTheSyncOfANewBookingWithIntegrationsDisabled() throws Exception {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		UUID id = UUID.randomUUID();
		Booking inserted = bookings.insert(id,
				new NewBooking("Ada Lovelace", "ada@example.com", "Analytical Engines", null, "Demo please", start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(3, Duration.ofDays(7)), Instant.now(),
				ChangeSource.CUSTOMER);
		assertThat(inserted.sync()).as("nothing recorded yet").isEmpty();

		BookingWorkflow workflow = client.newWorkflowStub(BookingWorkflow.class,
				WorkflowOptions.newBuilder()
					.setTaskQueue(BookingTemporal.TASK_QUEUE)
					.setWorkflowId(BookingTemporal.workflowId(id.toString()))
					.build());
		WorkflowClient.start(workflow::run, id.toString());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Booking booking = bookings.findById(id).orElseThrow();
			assertThat(booking.sync(Integration.CALENDAR).syncedRevision()).isEqualTo(inserted.revision());
			assertThat(booking.sync(Integration.CRM).syncedRevision()).isEqualTo(inserted.revision());
			// The customer's email (recorded, mail disabled) is part of the sync too.
			assertThat(booking.sync(Integration.MAIL).syncedRevision()).isEqualTo(inserted.revision());
		});
		Booking synced = bookings.findById(id).orElseThrow();
		assertThat(synced.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(synced.sync(Integration.CRM).synced()).isFalse();
		assertThat(synced.sync(Integration.CALENDAR).manual()).isFalse();
		assertThat(synced.sync(Integration.CRM).manual()).isFalse();
		assertThat(synced.sync(Integration.MAIL).manual()).isFalse();

		assertThat(get("/actuator/prometheus").body())
			.as("the sync's own metrics and the SDK's, tagged with the application")
			.contains("booking_sync_attempts_total{application=\"booking-worker\",integration=\"calendar\","
					+ "outcome=\"success\"}")
			.contains("temporal_activity_execution_latency_seconds_count{");
	}

	@Test
	void servesLivenessAndReadinessOfDatabaseTemporalAndPollingOnTheManagementPort() throws Exception {
		HttpResponse<String> live = get("/actuator/health/liveness");
		assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
		HttpResponse<String> ready = get("/actuator/health/readiness");
		assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
		assertThat(ready.body()).contains("\"db\":{\"status\":\"UP\"}", "\"temporal\":{\"status\":\"UP\"}",
				"\"worker\":{\"status\":\"UP\"}");
		assertThat(context.containsBean("healthProbes")).as("the API's probes of Google and HubSpot stay off")
			.isFalse();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BookingSearchAttributes {

		@Bean
		TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> bookingSearchAttributes() {
			return builder -> {
				for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
					builder.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
				}
				return builder;
			};
		}

	}

}
