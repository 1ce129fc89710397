package com.acme.booking.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.acme.booking.support.DevServerMode;
import com.acme.booking.support.WorkflowHistories;
import com.acme.booking.tools.FreePorts;
import com.acme.booking.workflow.BookingTemporal;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the service with syncs in flight, on the dev server it runs by
 * default: the next start on the same data ends the orphaned dev server (its pid file),
 * takes the same ports, and every workflow continues in its own run, signalled by the
 * reconciler rather than started again; Google and HubSpot see no second event, contact
 * or meeting.
 */
class DevServerRestartTest {

	private static final Duration SYNC = Duration.ofMinutes(2);

	@TempDir
	Path work;

	/** The two services' output, kept for a failed run. */
	private final Path logs = Path.of("target", "restart-test");

	@Test
	void aKilledServiceResumesEveryWorkflowOnItsOwnDataWithoutDuplicates() throws Exception {
		Path dataDir = work.resolve("data");
		int grpc = FreePorts.any();
		List<String> properties = properties(grpc);
		WorkflowServiceStubs stubs = WorkflowServiceStubs
			.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + grpc).build());
		try (SyncStandIns standIns = new SyncStandIns()) {
			properties.addAll(0, standIns.properties());
			standIns.outage();
			ChildJvmApp first = ChildJvmApp.start(dataDir, FreePorts.any(), log(1), properties);
			List<String> ids = new ArrayList<>();
			for (int n = 0; n < 3; n++) {
				ids.add((String) first.book(n).get("id"));
			}
			WorkflowClient temporal = WorkflowClient.newInstance(stubs);
			// Describe may time out on a loaded machine: ask again.
			await().atMost(SYNC).ignoreExceptions().until(() -> ids.stream().allMatch(id -> retrying(temporal, id)));
			Map<String, String> runs = new HashMap<>();
			ids.forEach(id -> runs.put(id,
					temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(id))
						.describe()
						.getExecution()
						.getRunId()));
			long orphan = Long
				.parseLong(Files.readString(dataDir.resolve("temporal.pid"), StandardCharsets.UTF_8).trim());

			first.kill();
			assertThat(ProcessHandle.of(orphan)).as("the dev server outlives a kill -9")
				.get()
				.matches(ProcessHandle::isAlive, "alive");
			standIns.happy();
			ChildJvmApp second = ChildJvmApp.start(dataDir, FreePorts.any(), log(2), properties);
			try {
				assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was ended")
					.isEmpty();
				await().atMost(SYNC)
					.untilAsserted(() -> assertThat(ids)
						.allSatisfy(id -> assertThat(second.adminView(id)).containsEntry("calendarSynced", true)
							.containsEntry("crmSynced", true)));

				for (String id : ids) {
					String workflowId = BookingTemporal.workflowId(id);
					assertThat(temporal.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId())
						.as("the same run continued")
						.isEqualTo(runs.get(id));
					assertThat(temporal.listExecutions("WorkflowId = '" + workflowId + "'").count()).isEqualTo(1);
					assertThat(WorkflowHistories.signals(temporal, workflowId)).as("the reconciler signalled it")
						.contains(BookingTemporal.SIGNAL_SYNC_BEHIND);
					String eventId = (String) second.adminView(id).get("calendarEventId");
					assertThat(SyncStandIns.requests(standIns.google.server, "POST", ".*/events"))
						.filteredOn(e -> e.getRequest().getBodyAsString().contains(eventId))
						.as("one event")
						.hasSize(1);
					assertThat(SyncStandIns.requests(standIns.hubspot, "POST", SyncStandIns.UPSERT_MEETING))
						.filteredOn(e -> e.getRequest().getBodyAsString().contains(id))
						.as("one meeting")
						.hasSize(1);
				}
				assertThat(SyncStandIns.requests(standIns.hubspot, "POST", SyncStandIns.CONTACTS))
					.as("one contact each")
					.hasSize(3);
			}
			finally {
				second.stop();
			}
			assertThat(dataDir.resolve("temporal.pid")).as("SIGTERM stops the dev server too").doesNotExist();
		}
		finally {
			stubs.shutdownNow();
			endLeftovers(dataDir);
		}
	}

	/** A failed run must not leave a service or dev server behind. */
	private static void endLeftovers(Path dataDir) throws IOException {
		ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
		Path pidFile = dataDir.resolve("temporal.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()))
				.ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	private Path log(int start) throws IOException {
		Files.createDirectories(logs);
		Path log = logs.resolve("app-" + start + ".log");
		Files.deleteIfExists(log);
		return log;
	}

	private static List<String> properties(int grpc) {
		return new ArrayList<>(List.of("booking.temporal.mode=dev-server", "booking.temporal.dev-server.port=" + grpc,
				"booking.temporal.dev-server.ui-port=" + FreePorts.any(), DevServerMode.cli(), DevServerMode.NOT_NICED,
				"booking.admin.api-key=" + RunningApp.ADMIN_KEY, "booking.embedded.synchronous-commit=off",
				"booking.embedded.fsync=off", "booking.sync.retry.initial-interval=2s",
				"booking.sync.retry.backoff-coefficient=1.0", "booking.sync.retry.maximum-interval=2s",
				"booking.sync.retry.maximum-attempts=1000", "spring.main.banner-mode=off"));
	}

	/**
	 * Both syncs of the booking failed at least once and wait for their next attempt: in
	 * flight, none running.
	 */
	private static boolean retrying(WorkflowClient temporal, String id) {
		var pending = temporal.newUntypedWorkflowStub(BookingTemporal.workflowId(id))
			.describe()
			.getRawDescription()
			.getPendingActivitiesList();
		return pending.size() == 2 && pending.stream()
			.allMatch(activity -> activity.getAttempt() >= 2
					&& activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED);
	}

}
