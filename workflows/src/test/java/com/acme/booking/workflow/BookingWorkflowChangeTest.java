package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.api.enums.v1.EventType;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static com.acme.booking.workflow.WorkflowTestSupport.DURATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to the booking supersedes a sync still retrying: the outside world ends up
 * matching the latest state.
 */
class BookingWorkflowChangeTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void cancellingWhileTheInsertKeepsFailingLeavesNoEventAndEndsTheWorkflow() {
		world.calendar.outage().failAlways();
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("two failed calendar inserts", () -> world.calendar.attempts() >= 2);

		long revision = world.database.cancel(ID).revision();
		run.workflow.bookingChanged();
		// Well before the superseded pass would have run out of attempts (7 minutes in
		// all).
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "workflow completed", () -> !run.running());

		assertThat(world.calendar.event(ID)).isEmpty();
		FakeBookingDatabase.SyncRecord calendar = world.database.record(ID, Integration.CALENDAR);
		assertThat(calendar.synced()).isTrue();
		assertThat(calendar.syncedRevision()).isEqualTo(revision);
		assertThat(calendar.manual()).isFalse();
		assertThat(world.calendar.outage().failures()).isLessThan(WorkflowTestSupport.RETRY.maximumAttempts());
		assertThat(world.database.record(ID, Integration.CRM).syncedRevision()).isEqualTo(revision);
		// It ended because the cancel synced, not because the appointment was over.
		assertThat(world.now()).isLessThan(APPOINTMENT.toEpochMilli());
		assertThat(run.searchAttribute(BookingTemporal.BOOKING_STATUS)).isEqualTo("CANCELLED");
		assertThat(run.searchAttribute(CALENDAR_SYNC)).isEqualTo(SyncState.SYNCED.name());
	}

	@Test
	void reschedulingWhileRetriesArePendingPutsTheEventAtTheNewTimeWithoutWaitingForTheBackoff() {
		world.calendar.outage().failNext(2);
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("two failed calendar inserts", () -> world.calendar.attempts() >= 2);

		Instant newStart = APPOINTMENT.plus(Duration.ofDays(1));
		long revision = world.database.reschedule(ID, newStart).revision();
		run.workflow.bookingChanged();
		// The next attempt of the superseded pass is minutes away; the change is pushed
		// now.
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "calendar synced the new revision",
				() -> world.database.record(ID, Integration.CALENDAR).syncedRevision() == revision);

		assertThat(world.calendar.event(ID)).hasValueSatisfying(event -> {
			assertThat(event.start()).isEqualTo(newStart);
			assertThat(event.end()).isEqualTo(newStart.plus(DURATION));
		});
		assertThat(world.calendar.writes(ID)).hasSize(1);
		assertThat(world.database.record(ID, Integration.CALENDAR).synced()).isTrue();
		assertThat(world.database.record(ID, Integration.CALENDAR).manual()).isFalse();
		world.await("calendar attribute synced", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));
		assertThat(run.syncStatus().revision()).isEqualTo(revision);
	}

	@Test
	void reschedulingLaterKeepsTheWorkflowUntilTheNewEnd() {
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar synced", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));

		Instant newStart = APPOINTMENT.plus(Duration.ofDays(2));
		long revision = world.database.reschedule(ID, newStart).revision();
		run.workflow.bookingChanged();
		world.await("new revision loaded", () -> run.syncStatus().revision() == revision);

		world.advanceTo(APPOINTMENT.plus(DURATION).plus(Duration.ofHours(1)));
		assertThat(run.running()).isTrue();
		world.advanceTo(newStart.plus(DURATION).plus(Duration.ofMinutes(1)));
		assertThat(run.running()).isFalse();
		// The wait for the old end was cancelled, not left to fire and wake the workflow
		// for nothing: the timers that
		// fired are the reminder's (the moved booking is far enough ahead for one) and
		// the new end's.
		assertThat(run.history().getEvents())
			.filteredOn(event -> event.getEventType() == EventType.EVENT_TYPE_TIMER_FIRED)
			.hasSize(2);
		assertThat(world.mail.sent(ID, "REMINDER")).hasSize(1);
	}

}
