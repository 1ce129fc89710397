package com.acme.booking.availability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.laptop.temporal.EmbeddedDefaults;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.workflow.BookingTemporal;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two API instances on one database: a booking made on one disappears from the other's
 * cached slot list at once (PostgreSQL LISTEN/NOTIFY), not when its cache expires five
 * minutes later. The second runs no worker ({@code booking.worker.enabled=false}): it
 * starts its bookings' workflows on its own Temporal server, where nothing polls them.
 */
@RunningService
class TwoInstancesTest {

	@TempDir
	static Path secondData;

	static ConfigurableApplicationContext second;

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	CacheNotifications notifications;

	@BeforeAll
	static void noSecondYet() {
		second = null;
	}

	@AfterAll
	static void stopSecond() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aBookingOnOneInstanceLeavesTheOthersSlotListAtOnce() {
		Http first = new Http(port);
		Http other = new Http(port(second()));
		Instant start = Slots.fresh();
		LocalDate day = start.atZone(ZoneId.of("Europe/London")).toLocalDate();
		String slots = "/api/bookings/available-slots?startDate=" + day + "&endDate=" + day;
		assertThat(starts(other.get(slots))).as("cached on the other instance").contains(start.toString());

		Http.Response created = first.post("/api/bookings",
				Map.of("name", "Ada Lovelace", "email", "two-instances@example.com", "startTime", start.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(5)).until(() -> !starts(other.get(slots)).contains(start.toString()));
	}

	/**
	 * The announcements survive their component being stopped and started again, as the
	 * test framework pauses an idle cached context and an operator may restart one.
	 */
	@Test
	void anInstanceStoppedAndStartedAgainStillTellsTheOthers() {
		notifications.stop();
		notifications.start();
		aBookingOnOneInstanceLeavesTheOthersSlotListAtOnce();
	}

	@Test
	void anInstanceWithoutAWorkerStartsTheWorkflowButPollsNothing() {
		assertThat(second().getBean(WorkerFactory.class).isStarted()).as("no worker started").isFalse();
		Instant start = Slots.fresh();

		Http.Response created = new Http(port(second())).post("/api/bookings",
				Map.of("name", "Ada Lovelace", "email", "api-only@example.com", "startTime", start.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		WorkflowClient temporal = second().getBean(WorkflowClient.class);
		String workflowId = BookingTemporal.workflowId(created.json().path("id").asString());
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> temporal.newUntypedWorkflowStub(workflowId).describe().getStatus(),
					WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING::equals);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.alias("its first workflow task is never picked up")
			.until(() -> temporal.fetchHistory(workflowId)
				.getEvents()
				.stream()
				.noneMatch(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED));
	}

	/** The second instance: API only, on the first one's database. */
	private ConfigurableApplicationContext second() {
		if (second == null) {
			second = new SpringApplicationBuilder(BookingApiApplication.class).listeners(new EmbeddedDefaults())
				.profiles("test")
				.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres",
						"--spring.datasource.password="
								+ ((PGSimpleDataSource) postgres.getPostgresDatabase()).getPassword(),
						"--server.port=0", "--booking.embedded.data-dir=" + secondData,
						"--booking.sync.reconciler-enabled=false", "--booking.worker.enabled=false");
		}
		return second;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static List<String> starts(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("slots").valueStream().map(slot -> slot.path("start").asString()).toList();
	}

}
