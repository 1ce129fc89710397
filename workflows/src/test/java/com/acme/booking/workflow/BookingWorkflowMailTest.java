package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.WorkflowTestSupport.NOW;
import static com.acme.booking.workflow.WorkflowTestSupport.PROMPTLY;
import static com.acme.booking.workflow.WorkflowTestSupport.REMINDER_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emails' schedule: one per change, and a reminder on a durable timer that follows
 * the booking.
 */
class BookingWorkflowMailTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void theReminderGoesOutReminderBeforeTheAppointmentAndMovesWithAReschedule() {
		Instant first = NOW.plus(Duration.ofDays(3));
		BookingRun run = world.book(ID, first);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1);

		Instant moved = first.plus(Duration.ofDays(2));
		world.advanceTo(first.minus(REMINDER_BEFORE).minus(Duration.ofHours(1)));
		world.database.reschedule(ID, moved);
		run.workflow.bookingChanged();
		world.await("update", () -> world.mail.sent(ID, "CHANGE").size() == 2);

		world.advanceTo(first.minus(REMINDER_BEFORE).plus(Duration.ofHours(1)));
		assertThat(world.mail.sent(ID, "REMINDER")).as("the old reminder time passes without one").isEmpty();
		world.advanceTo(moved.minus(REMINDER_BEFORE).minus(Duration.ofMinutes(1)));
		assertThat(world.mail.sent(ID, "REMINDER")).isEmpty();

		world.advanceTo(moved.minus(REMINDER_BEFORE).plus(Duration.ofMinutes(1)));
		assertThat(world.mail.sent(ID, "REMINDER")).singleElement().satisfies(reminder -> {
			assertThat(reminder.revision()).isEqualTo(2);
			assertThat(reminder.at()).isBetween(moved.minus(REMINDER_BEFORE),
					moved.minus(REMINDER_BEFORE).plus(Duration.ofMinutes(1)));
		});
		world.advanceTo(moved.plus(Duration.ofHours(1)));
		assertThat(run.running()).isFalse();
		assertThat(world.mail.sent(ID, "REMINDER")).hasSize(1);
	}

	@Test
	void aCancelledBookingGetsNoReminder() {
		Instant start = NOW.plus(Duration.ofDays(3));
		BookingRun run = world.book(ID, start);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1);
		world.database.cancel(ID);
		run.workflow.bookingChanged();
		world.await("cancellation", () -> world.mail.sent(ID, "CHANGE").size() == 2);

		world.advanceTo(start.plus(Duration.ofHours(1)));
		assertThat(world.mail.sent(ID, "REMINDER")).isEmpty();
		assertThat(world.mail.sent(ID, "CHANGE")).extracting(FakeMail.Sent::revision, FakeMail.Sent::cancelled)
			.containsExactly(Tuple.tuple(1L, false), Tuple.tuple(2L, true));
	}

	@Test
	void anAppointmentAlreadyCloserThanReminderBeforeGetsNoReminder() {
		Instant start = NOW.plus(REMINDER_BEFORE).minus(Duration.ofHours(2));
		BookingRun run = world.book(ID, start);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1);

		world.advanceTo(start.plus(Duration.ofHours(1)));
		assertThat(run.running()).isFalse();
		assertThat(world.mail.sent(ID, "REMINDER")).isEmpty();
	}

	@Test
	void aNewRunAfterTheReminderTimeSendsTheReminderOnceBeforeTheAppointment() {
		Instant start = NOW.plus(Duration.ofDays(3));
		Instant reminderAt = start.minus(REMINDER_BEFORE);
		world.book(ID, start);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1);
		world.advanceTo(reminderAt.minus(Duration.ofHours(1)));
		// The run gets stuck before the reminder time; hours after it a new run starts.
		world.terminate(ID);
		world.advanceTo(reminderAt.plus(Duration.ofHours(3)));
		Instant restarted = Instant.ofEpochMilli(world.now());

		world.rerun(ID);
		world.awaitWithin(PROMPTLY, "the late reminder", () -> world.mail.sent(ID, "REMINDER").size() == 1);
		assertThat(world.mail.sent(ID, "REMINDER").get(0).at()).isAfterOrEqualTo(restarted);

		world.advanceTo(reminderAt.plus(Duration.ofHours(5)));
		world.terminate(ID);
		BookingRun again = world.rerun(ID);
		world.advanceTo(start.plus(Duration.ofHours(1)));
		assertThat(again.running()).isFalse();
		assertThat(world.mail.sent(ID, "REMINDER")).as("a run after it was sent").hasSize(1);
	}

	@Test
	void aFailedRemindersFlagStaysThroughTheNextEmailUntilTheReminderIsSent() {
		Instant start = NOW.plus(Duration.ofDays(3));
		BookingRun run = world.book(ID, start);
		world.await("confirmation", () -> world.mail.sent(ID, "CHANGE").size() == 1);
		world.advanceTo(start.minus(REMINDER_BEFORE).minus(Duration.ofHours(1)));
		world.mail.outage().failAlways();
		world.awaitWithin(Duration.ofHours(2), "the reminder flagged",
				() -> world.database.record(ID, Integration.MAIL).manual());
		world.mail.outage().heal();

		// A detail edit: its email goes out and is recorded.
		world.database.edit(ID);
		run.workflow.bookingChanged();
		world.await("the update recorded",
				() -> world.database.record(ID, Integration.MAIL).syncedRevision() == 2 && run.settled());
		assertThat(world.mail.sent(ID, "CHANGE")).hasSize(2);
		assertThat(world.mail.sent(ID, "REMINDER")).isEmpty();
		assertThat(world.database.record(ID, Integration.MAIL).manual()).as("the reminder still failed").isTrue();
		assertThat(run.syncStatus().mail()).isEqualTo(SyncState.MANUAL);

		world.database.clearManualSync(ID);
		run.workflow.retrySync();
		world.awaitWithin(PROMPTLY, "the reminder", () -> world.mail.sent(ID, "REMINDER").size() == 1);
		world.await("settled", run::settled);
		assertThat(world.database.record(ID, Integration.MAIL).manual()).isFalse();
		assertThat(run.syncStatus().mail()).isEqualTo(SyncState.SYNCED);
	}

}
