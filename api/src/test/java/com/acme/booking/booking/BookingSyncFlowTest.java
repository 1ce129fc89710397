package com.acme.booking.booking;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.support.SyncedRevisions;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.SyncState;
import com.acme.booking.workflow.SyncStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * REST → PostgreSQL → BookingWorkflow on the in-process Temporal server, integrations
 * disabled.
 */
@RunningService
class BookingSyncFlowTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowClient temporal;

	@Test
	void everyChangeReachesTheWorkflowWhichRecordsDisabledIntegrations() throws Exception {
		Http http = new Http(port);
		Http.Response created = http.post("/api/bookings",
				BookingApiTest.booking(BookingApiTest.email(), Slots.fresh()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();
		BookingWorkflow workflow = temporal.newWorkflowStub(BookingWorkflow.class, BookingTemporal.workflowId(id));

		await().atMost(Duration.ofSeconds(20)).until(() -> syncedRevision(id) == 1);
		SyncStatus status = workflow.syncStatus();
		assertThat(status.calendar()).isEqualTo(SyncState.DISABLED);
		assertThat(status.crm()).isEqualTo(SyncState.DISABLED);
		var attributes = WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
		assertThat(attributes.get(BookingTemporal.BOOKING_ID)).isEqualTo(id);
		assertThat(attributes.get(BookingTemporal.CALENDAR_SYNC)).isEqualTo("DISABLED");

		http.patch("/api/bookings/" + id, Map.of("startTime", Slots.fresh().toString()), "X-Booking-Token", token);
		await().atMost(Duration.ofSeconds(20)).until(() -> syncedRevision(id) == 2);

		http.delete("/api/bookings/" + id, "X-Booking-Token", token);
		await().atMost(Duration.ofSeconds(20)).until(() -> syncedRevision(id) == 3);
		// A cancelled booking whose cancel has synced needs its workflow no more.
		WorkflowStub.fromTyped(workflow).getResult(10, TimeUnit.SECONDS, Void.class);
		assertThat(jdbc.sql("SELECT bool_or(pushed) FROM booking_sync WHERE booking_id = ?")
			.param(UUID.fromString(id))
			.query(Boolean.class)
			.single()).as("disabled integrations never claim to be synced").isFalse();
	}

	private long syncedRevision(String id) {
		return SyncedRevisions.calendarAndCrm(jdbc, UUID.fromString(id));
	}

}
