package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.WorkflowTestSupport.NOW;
import static com.acme.booking.workflow.WorkflowTestSupport.REMINDER_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emails' schedule: one per change, and a reminder on a durable timer that follows
 * the booking.
 */
class BookingWorkflowMailTest {

	@RegisterExtension
	static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

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

}
