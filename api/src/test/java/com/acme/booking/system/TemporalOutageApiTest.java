package com.acme.booking.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.acme.booking.reconcile.Reconciler;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.support.WorkflowHistories;
import com.acme.booking.tools.FreePorts;
import com.acme.booking.workflow.BookingTemporal;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A booking request does not wait for Temporal. The service starts against the SDK's test
 * server on a port of its own (it waits for a reachable server before its workers start);
 * each test stops that server (an outage), books, then starts a fresh one on the same
 * port. One dispatcher thread with room for one waiting call, so that a third booking
 * made during the outage finds the queue full. The reconciler runs only when a test calls
 * it.
 */
@RunningService(properties = { "spring.temporal.test-server.enabled=false", "booking.workflow-dispatch.threads=1",
		"booking.workflow-dispatch.queue-size=1" })
// No other test shares this context; closing it stops its worker polling a server that is
// gone.
@DirtiesContext
class TemporalOutageApiTest {

	private static final Duration SYNC = Duration.ofSeconds(90);

	private static final int TEMPORAL = FreePorts.any();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowClient temporal;

	@Autowired
	Reconciler reconciler;

	@Autowired
	MeterRegistry meters;

	private static TemporalOnPort server;

	@DynamicPropertySource
	static void temporalTarget(DynamicPropertyRegistry registry) {
		startTemporal();
		registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL);
	}

	@BeforeEach
	@AfterEach
	void outage() {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	@AfterAll
	static void noServerLeft() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aBookingMadeWhileTemporalIsDownIsCreatedAndSyncedOnceTemporalIsBack() {
		Http.Response created = book();

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("calendarSynced").asBoolean()).isFalse();
		assertThat(created.json().path("crmSynced").asBoolean()).isFalse();
		UUID id = UUID.fromString(created.json().path("id").asString());
		// A start on the request thread would have given up by now (the SDK retries it
		// for a minute while the
		// request waits) and left the booking to a reconciler that does not run here.
		startTemporal();

		await().atMost(SYNC).until(() -> syncedRevision(id) == 1);
	}

	@Test
	void aStartDroppedBecauseTheQueueWasFullIsMadeByTheReconciler() {
		double droppedBefore = dropped();
		List<UUID> ids = new ArrayList<>();
		for (int n = 0; n < 3; n++) {
			Http.Response created = book();
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			ids.add(UUID.fromString(created.json().path("id").asString()));
			if (n == 0) {
				// The lane's thread takes the first start off its one-place queue before
				// the next one comes.
				await().atMost(SYNC).until(() -> meters.get("booking.workflow.dispatch.queued").gauge().value() == 0);
			}
		}
		// The first start is under way (the SDK retrying it), the second waits, the third
		// found no room.
		assertThat(dropped() - droppedBefore).isEqualTo(1.0);
		startTemporal();
		await().atMost(SYNC).until(() -> syncedRevision(ids.get(0)) == 1 && syncedRevision(ids.get(1)) == 1);
		UUID droppedId = ids.get(2);
		assertThat(syncedRevision(droppedId)).isZero();
		assertThatThrownBy(
				() -> temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(droppedId.toString())).describe())
			.as("nothing started it")
			.isInstanceOf(WorkflowNotFoundException.class);

		reconciler.reconcile();

		await().atMost(SYNC).until(() -> syncedRevision(droppedId) == 1);
		assertThat(WorkflowHistories.signals(temporal, BookingTemporal.workflowId(droppedId.toString())))
			.as("started by the reconciler's signal-with-start")
			.contains(BookingTemporal.SIGNAL_SYNC_BEHIND);
	}

	private Http.Response book() {
		return new Http(port).post("/api/bookings", Map.of("name", "Ada Lovelace", "email",
				"outage-" + UUID.randomUUID() + "@example.com", "startTime", Slots.fresh().toString()));
	}

	private static void startTemporal() {
		server = new TemporalOnPort(TEMPORAL);
	}

	/**
	 * The SDK's test server on the port the service was told about, with the booking
	 * search attributes; built as {@code TestServer.createPortBoundServer} does, so that
	 * closing it cuts every connection at once (that one waits five seconds for the
	 * worker's long polls).
	 */
	private static final class TemporalOnPort implements AutoCloseable {

		private final TestServicesStarter services = new TestServicesStarter(true, 0);

		private final Server grpc;

		TemporalOnPort(int port) {
			ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
			GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
			try {
				grpc = builder.build().start();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			OperatorServiceStubs operator = OperatorServiceStubs
				.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
					.setTarget("127.0.0.1:" + port)
					.validateAndBuildWithDefaults());
			try {
				AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder()
					.setNamespace("default");
				BookingTemporal.SEARCH_ATTRIBUTES.forEach(
						key -> request.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
				operator.blockingStub().addSearchAttributes(request.build());
			}
			finally {
				operator.shutdownNow();
			}
		}

		@Override
		public void close() {
			try {
				grpc.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			services.close();
		}

	}

	private double dropped() {
		var counter = meters.find("booking.workflow.dispatch.dropped").counter();
		return counter == null ? 0 : counter.count();
	}

	private long syncedRevision(UUID id) {
		return SyncedRevisions.calendarAndCrm(jdbc, id);
	}

}
