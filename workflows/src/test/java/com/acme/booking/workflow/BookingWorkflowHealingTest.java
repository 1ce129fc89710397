package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_SYNC;
import static com.acme.booking.workflow.BookingTemporal.CRM_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static com.acme.booking.workflow.WorkflowTestSupport.BACKGROUND_INTERVAL;
import static com.acme.booking.workflow.WorkflowTestSupport.DURATION;
import static com.acme.booking.workflow.WorkflowTestSupport.PROMPTLY;
import static com.acme.booking.workflow.WorkflowTestSupport.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outage is not an operator's job: a flag raised by a transient failure heals itself
 * once the outside system answers again; a permanent failure waits for a person; a
 * flagged workflow ends with its appointment.
 */
class BookingWorkflowHealingTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e";

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void aFlagRaisedByAnOutageIsTriedAgainInTheBackgroundAndClearsItselfWhenTheOutageEnds() {
		world.calendar.outage().failAlways();
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar flagged", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));
		long flaggedAt = world.now();
		assertThat(world.calendar.attempts()).isEqualTo(RETRY.maximumAttempts());

		// One single attempt per background interval while the outage lasts; the flag and
		// MANUAL stay meanwhile.
		world.advanceTo(Instant.ofEpochMilli(flaggedAt).plus(BACKGROUND_INTERVAL).plus(PROMPTLY));
		assertThat(world.calendar.attempts()).isEqualTo(RETRY.maximumAttempts() + 1);
		assertThat(world.database.record(ID, Integration.CALENDAR).manual()).isTrue();
		assertThat(run.searchAttribute(CALENDAR_SYNC)).isEqualTo(SyncState.MANUAL.name());

		world.calendar.outage().heal();
		world.awaitWithin(BACKGROUND_INTERVAL.plus(PROMPTLY), "the next background try synced the calendar",
				() -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));
		FakeBookingDatabase.SyncRecord healed = world.database.record(ID, Integration.CALENDAR);
		assertThat(healed.manual()).isFalse();
		assertThat(healed.synced()).isTrue();
		assertThat(world.calendar.event(ID)).isPresent();
		assertThat(run.syncStatus().calendarError()).isNull();
		assertThat(run.running()).as("a healed booking lives on until its appointment").isTrue();
	}

	@Test
	void anEmailFlaggedByARelayOutageIsTriedAgainInTheBackgroundAndSentWhenTheRelayIsBack() {
		world.mail.outage().failAlways();
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("email flagged", () -> run.searchAttributeIs(BookingTemporal.MAIL_SYNC, SyncState.MANUAL));
		assertThat(world.database.record(ID, Integration.MAIL).manual()).isTrue();
		assertThat(world.mail.sent(ID, "CHANGE")).isEmpty();

		world.mail.outage().heal();
		world.awaitWithin(BACKGROUND_INTERVAL.plus(PROMPTLY), "the next background try sent the confirmation",
				() -> world.mail.sent(ID, "CHANGE").size() == 1);
		world.await("email synced", () -> run.searchAttributeIs(BookingTemporal.MAIL_SYNC, SyncState.SYNCED));
		assertThat(world.database.record(ID, Integration.MAIL).manual()).isFalse();
		assertThat(run.running()).as("a healed booking lives on until its appointment").isTrue();
	}

	/**
	 * The change's signal was lost (the API could not reach Temporal); what reloads the
	 * booking next, here an operator's retry, pushes it to every integration, the email
	 * included.
	 */
	@Test
	void aChangeFoundByAReloadWithoutItsSignalStillGetsItsEmail() {
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1 && run.settled());

		long revision = world.database.reschedule(ID, APPOINTMENT.plus(Duration.ofHours(2))).revision();
		run.workflow.retrySync();

		world.awaitWithin(PROMPTLY, "update email",
				() -> world.mail.sent(ID, "CHANGE").stream().anyMatch(mail -> mail.revision() == revision));
		world.await("calendar and CRM at the new revision",
				() -> world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision
						&& world.database.record(ID, Integration.CRM).syncedRevision() == revision);
		assertThat(world.mail.sent(ID, "CHANGE")).hasSize(2);
	}

	@Test
	void aPermanentFailureWaitsForAnOperatorAndTheFlaggedWorkflowEndsWithTheAppointment() {
		world.crm.outage().rejectNext("HubSpot rejected the access token (401)");
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("CRM flagged", () -> run.searchAttributeIs(CRM_SYNC, SyncState.MANUAL));

		world.advanceTo(APPOINTMENT.minus(Duration.ofMinutes(1)));
		assertThat(world.crm.attempts()).as("no background try of a permanent failure").isEqualTo(1);
		assertThat(run.running()).isTrue();

		world.advanceTo(APPOINTMENT.plus(DURATION).plus(Duration.ofMinutes(1)));
		assertThat(run.executionStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		assertThat(world.database.record(ID, Integration.CRM).manual()).as("still flagged for the operator").isTrue();
	}

	@Test
	void backgroundTriesStopOnceTheAppointmentHasPassed() {
		world.calendar.outage().failAlways();
		Instant soon = WorkflowTestSupport.NOW.plus(Duration.ofHours(1));
		BookingRun run = world.book(ID, soon);
		world.await("calendar flagged", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));

		world.advanceTo(soon.plus(DURATION).plus(Duration.ofMinutes(1)));
		assertThat(run.executionStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		int attempts = world.calendar.attempts();
		// About 80 minutes at one try per interval, after the first round of retries.
		assertThat(attempts).isBetween(RETRY.maximumAttempts() + 4, RETRY.maximumAttempts() + 6);
		world.advance(Duration.ofHours(2));
		assertThat(world.calendar.attempts()).isEqualTo(attempts);
	}

	@Test
	void syncBehindWakesAWorkflowThatMissedAChangeSignal() {
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("synced", () -> world.database.record(ID, Integration.CALENDAR).synced());

		Instant moved = APPOINTMENT.plus(Duration.ofHours(3));
		long revision = world.database.reschedule(ID, moved).revision();
		// The API's bookingChanged was lost; the reconciler says where PostgreSQL is.
		run.workflow.syncBehind(revision);
		world.awaitWithin(PROMPTLY, "the missed change synced",
				() -> world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision
						&& world.database.record(ID, Integration.CRM).syncedRevision() == revision);
		assertThat(world.calendar.event(ID)).hasValueSatisfying(event -> assertThat(event.start()).isEqualTo(moved));
	}

	@Test
	void syncBehindLeavesAPassThatIsAlreadyRetryingThatRevisionAlone() {
		world.calendar.outage().failAlways();
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar retrying", () -> world.calendar.attempts() >= 2);

		// The reconciler signals every interval while the booking is behind; the retry
		// budget must not restart.
		for (int i = 0; i < 5; i++) {
			run.workflow.syncBehind(1);
			world.advance(Duration.ofMinutes(1));
		}
		world.await("calendar flagged", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));
		assertThat(world.calendar.attempts()).isEqualTo(RETRY.maximumAttempts());
	}

}
