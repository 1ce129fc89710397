package com.acme.booking.workflow;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attempt on a worker that died is retried once its heartbeats stop, not after the
 * whole attempt timeout.
 */
class BookingWorkflowHeartbeatTest {

	/**
	 * The production shape: a long attempt timeout (it must cover an attempt's worst
	 * case), a short heartbeat.
	 */
	private static final SyncRetrySettings SETTINGS = new SyncRetrySettings(Duration.ofSeconds(1),
			Duration.ofSeconds(10), 2.0, 4, Duration.ofMinutes(10), Duration.ofSeconds(2));

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension(SETTINGS);

	private static final String ID = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

	private final CountDownLatch release = new CountDownLatch(1);

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@AfterEach
	void releaseTheDeadAttempt() {
		release.countDown();
	}

	@Test
	void anAttemptOnAWorkerThatDiedIsRetriedWithinSeconds() {
		world.calendar.hangNextAttempt(release);

		world.book(ID, APPOINTMENT);
		world.awaitWithin(Duration.ofMinutes(1), "the calendar synced by a second attempt",
				() -> world.database.record(ID, Integration.CALENDAR).synced());

		assertThat(world.calendar.attempts()).isEqualTo(2);
	}

}
