package com.acme.booking.workflow;

import java.time.Duration;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.BOOKING_STATUS;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static com.acme.booking.workflow.WorkflowTestSupport.PROMPTLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking held for email verification: only the verification email goes out, nothing
 * reaches the calendar or the CRM until the customer confirms, and a hold nobody confirms
 * expires on the workflow's durable timer (time skipping).
 */
class BookingWorkflowVerificationTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void anUnconfirmedHoldExpiresOnItsTimerAndNothingOutsideEverLearnsOfIt() {
		long start = world.now();
		BookingRun run = world.hold(ID, APPOINTMENT, WINDOW);
		world.awaitWithin(PROMPTLY, "verification email", () -> world.mail.sent(ID, "VERIFICATION").size() == 1);
		assertThat(run.searchAttribute(BOOKING_STATUS)).isEqualTo("PENDING_VERIFICATION");
		assertThat(run.syncStatus().bookingStatus()).isEqualTo("PENDING_VERIFICATION");

		world.advance(WINDOW.minus(Duration.ofMinutes(1)));
		assertThat(world.database.booking(ID).cancelled()).as("still held one minute before its end").isFalse();
		assertThat(run.running()).isTrue();

		world.awaitWithin(Duration.ofMinutes(2), "hold expired", () -> world.database.booking(ID).cancelled());
		world.await("workflow completed", () -> !run.running());
		assertThat(world.now() - start).isGreaterThanOrEqualTo(WINDOW.toMillis());
		assertThat(run.executionStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		assertThat(run.searchAttribute(BOOKING_STATUS)).isEqualTo("CANCELLED");
		assertThat(world.calendar.attempts()).isZero();
		assertThat(world.crm.attempts()).isZero();
		assertThat(world.mail.sent(ID, "VERIFICATION")).hasSize(1);
		assertThat(world.mail.sent(ID, "CHANGE")).isEmpty();
	}

	@Test
	void nothingIsPushedBeforeTheVerifiedSignalAndEverythingAfterIt() {
		BookingRun run = world.hold(ID, APPOINTMENT, WINDOW);
		world.awaitWithin(PROMPTLY, "verification email", () -> world.mail.sent(ID, "VERIFICATION").size() == 1);
		world.advance(Duration.ofMinutes(5));
		assertThat(world.calendar.attempts()).isZero();
		assertThat(world.crm.attempts()).isZero();

		assertThat(world.database.verify(ID)).isTrue();
		run.workflow.verified();

		world.awaitWithin(PROMPTLY, "calendar event and CRM contact",
				() -> world.calendar.event(ID).isPresent() && world.crm.hasContact(ID));
		world.awaitWithin(PROMPTLY, "confirmation email", () -> world.mail.sent(ID, "CHANGE").size() == 1);
		assertThat(world.mail.sent(ID, "CHANGE").get(0).revision()).isEqualTo(2);
		assertThat(run.searchAttribute(BOOKING_STATUS)).isEqualTo("CONFIRMED");

		// The hold's end passes: a confirmed booking does not expire.
		world.advance(WINDOW);
		assertThat(world.database.booking(ID).cancelled()).isFalse();
		assertThat(run.running()).isTrue();
		assertThat(world.mail.sent(ID, "VERIFICATION")).hasSize(1);
	}

	@Test
	void aLostVerifiedSignalIsHealedByTheReconcilersSyncBehind() {
		BookingRun run = world.hold(ID, APPOINTMENT, WINDOW);
		world.awaitWithin(PROMPTLY, "verification email", () -> world.mail.sent(ID, "VERIFICATION").size() == 1);

		// Confirmed in PostgreSQL, but the signal never arrived.
		assertThat(world.database.verify(ID)).isTrue();
		world.advance(Duration.ofMinutes(1));
		assertThat(world.calendar.attempts()).isZero();

		run.workflow.syncBehind(world.database.booking(ID).revision());
		world.awaitWithin(PROMPTLY, "calendar event", () -> world.calendar.event(ID).isPresent());
		world.advance(WINDOW);
		assertThat(world.database.booking(ID).cancelled()).as("a confirmed hold is not expired").isFalse();
	}

	@Test
	void aChangeToAHoldKeepsItsEndAndSendsNoSecondVerificationEmail() {
		BookingRun run = world.hold(ID, APPOINTMENT, WINDOW);
		world.awaitWithin(PROMPTLY, "verification email", () -> world.mail.sent(ID, "VERIFICATION").size() == 1);
		world.advance(Duration.ofMinutes(5));

		world.database.reschedule(ID, APPOINTMENT.plus(Duration.ofHours(1)));
		run.workflow.bookingChanged();

		world.awaitWithin(WINDOW.minus(Duration.ofMinutes(5)).plus(PROMPTLY), "hold expired at its first end",
				() -> world.database.booking(ID).cancelled());
		assertThat(world.calendar.attempts()).isZero();
		assertThat(world.crm.attempts()).isZero();
		assertThat(world.mail.sent(ID, "VERIFICATION")).hasSize(1);
	}

	@Test
	void aHoldWithdrawnByTheCustomerEndsTheWorkflowWithNothingPushed() {
		BookingRun run = world.hold(ID, APPOINTMENT, WINDOW);
		world.awaitWithin(PROMPTLY, "verification email", () -> world.mail.sent(ID, "VERIFICATION").size() == 1);

		world.database.cancel(ID);
		run.workflow.bookingChanged();

		world.awaitWithin(PROMPTLY, "workflow completed", () -> !run.running());
		assertThat(world.calendar.attempts()).isZero();
		assertThat(world.crm.attempts()).isZero();
		assertThat(world.mail.sent(ID, "CHANGE")).isEmpty();
	}

}
