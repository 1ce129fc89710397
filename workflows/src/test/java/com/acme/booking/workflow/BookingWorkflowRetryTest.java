package com.acme.booking.workflow;

import java.time.Duration;
import java.time.Instant;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.acme.booking.workflow.BookingTemporal.CALENDAR_SYNC;
import static com.acme.booking.workflow.BookingTemporal.CRM_SYNC;
import static com.acme.booking.workflow.BookingTemporal.WEBHOOK_SYNC;
import static com.acme.booking.workflow.WorkflowTestSupport.APPOINTMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the workflow retries a failing integration, gives up to an operator, and takes the
 * operator's retry.
 */
class BookingWorkflowRetryTest {

	@RegisterExtension
	static final WorkflowTestSupport.TestServerExtension temporal = WorkflowTestSupport.extension();

	private static final String ID = "0b5c1f4e-8d3a-4c71-9e2f-5a6b7c8d9e01";

	private FakeWorld world;

	@BeforeEach
	void startWorld(TestWorkflowEnvironment env, Worker worker) {
		world = FakeWorld.start(env, worker);
	}

	@Test
	void transientCalendarFailuresAreRetriedUntilTheEventExists() {
		world.calendar.outage().failNext(2);

		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar synced", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));

		assertThat(world.calendar.attempts()).isEqualTo(3);
		assertThat(world.calendar.event(ID)).hasValueSatisfying(event -> {
			assertThat(event.start()).isEqualTo(APPOINTMENT);
			assertThat(event.end()).isEqualTo(APPOINTMENT.plus(WorkflowTestSupport.DURATION));
		});
		FakeBookingDatabase.SyncRecord record = world.database.record(ID, Integration.CALENDAR);
		assertThat(record.synced()).isTrue();
		assertThat(record.syncedRevision()).isEqualTo(1);
		assertThat(record.externalId()).isEqualTo(FakeCalendar.eventId(ID));
		assertThat(record.manual()).isFalse();
		assertThat(run.syncStatus().calendar()).isEqualTo(SyncState.SYNCED);
		assertThat(run.searchAttribute(BookingTemporal.BOOKING_ID)).isEqualTo(ID);
		assertThat(run.searchAttribute(BookingTemporal.BOOKING_STATUS)).isEqualTo("CONFIRMED");
	}

	@Test
	void exhaustedRetriesFlagManualSyncUntilAnOperatorRetries() {
		world.calendar.outage().failAlways();

		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar flagged for manual sync", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));

		assertThat(world.calendar.attempts()).isEqualTo(WorkflowTestSupport.RETRY.maximumAttempts());
		assertThat(world.calendar.event(ID)).isEmpty();
		FakeBookingDatabase.SyncRecord flagged = world.database.record(ID, Integration.CALENDAR);
		assertThat(flagged.manual()).isTrue();
		assertThat(flagged.error()).contains("Calendar unavailable (503)");
		SyncStatus status = run.syncStatus();
		assertThat(status.calendar()).isEqualTo(SyncState.MANUAL);
		assertThat(status.calendarError()).contains("Calendar unavailable (503)");
		assertThat(status.crm()).isEqualTo(SyncState.SYNCED);

		// The operator retries before the background try is due: no new attempt until the
		// operator asks.
		world.advance(WorkflowTestSupport.BACKGROUND_INTERVAL.minus(Duration.ofMinutes(5)));
		assertThat(world.calendar.attempts()).isEqualTo(WorkflowTestSupport.RETRY.maximumAttempts());
		assertThat(run.running()).isTrue();

		world.calendar.outage().heal();
		world.database.clearManualSync(ID);
		run.workflow.retrySync();
		world.await("calendar synced after the operator's retry",
				() -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));

		assertThat(world.calendar.event(ID)).isPresent();
		FakeBookingDatabase.SyncRecord synced = world.database.record(ID, Integration.CALENDAR);
		assertThat(synced.synced()).isTrue();
		assertThat(synced.manual()).isFalse();
		assertThat(run.syncStatus().calendar()).isEqualTo(SyncState.SYNCED);
		assertThat(run.syncStatus().calendarError()).isNull();
	}

	@Test
	void nonRetryableErrorIsTriedOnceAndGoesStraightToManual() {
		world.calendar.outage().rejectNext("Invalid attendee email (400)");

		BookingRun run = world.book(ID, APPOINTMENT);
		long started = world.now();
		world.await("calendar flagged for manual sync", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));

		// No backoff was waited: the first retry interval is a second.
		assertThat(world.now() - started).isLessThan(WorkflowTestSupport.RETRY.initialInterval().toMillis());
		world.advance(Duration.ofMinutes(10));
		assertThat(world.calendar.attempts()).isEqualTo(1);
		FakeBookingDatabase.SyncRecord flagged = world.database.record(ID, Integration.CALENDAR);
		assertThat(flagged.manual()).isTrue();
		assertThat(flagged.error()).contains("Invalid attendee email (400)").contains("CalendarRejected");
		assertThat(run.syncStatus().calendar()).isEqualTo(SyncState.MANUAL);
		assertThat(run.searchAttribute(CRM_SYNC)).isEqualTo(SyncState.SYNCED.name());
	}

	@Test
	void aChangeRetriesAFlaggedIntegrationWithoutAnOperator() {
		world.calendar.outage().rejectNext("Calendar not found (404)");
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar flagged for manual sync", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));

		Instant newStart = APPOINTMENT.plus(Duration.ofHours(1));
		long revision = world.database.reschedule(ID, newStart).revision();
		run.workflow.bookingChanged();
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "calendar synced the change",
				() -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED));

		assertThat(world.calendar.event(ID)).hasValueSatisfying(event -> assertThat(event.start()).isEqualTo(newStart));
		FakeBookingDatabase.SyncRecord record = world.database.record(ID, Integration.CALENDAR);
		assertThat(record.synced()).isTrue();
		assertThat(record.syncedRevision()).isEqualTo(revision);
		assertThat(record.manual()).isFalse();
		assertThat(run.syncStatus().calendarError()).isNull();
	}

	@Test
	void aFlagItsHealAndAnOperatorsRedeliveryEachSendTheWebhooksOnceMore() {
		world.calendar.outage().rejectNext("Calendar not found (404)");
		BookingRun run = world.book(ID, APPOINTMENT);
		world.await("calendar flagged for manual sync", () -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.MANUAL));
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "the flag's webhook sent",
				() -> world.webhooks.pushes() == 2 && run.searchAttributeIs(WEBHOOK_SYNC, SyncState.SYNCED));

		world.database.clearManualSync(ID);
		run.workflow.retrySync();
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "the heal's webhook sent",
				() -> run.searchAttributeIs(CALENDAR_SYNC, SyncState.SYNCED) && world.webhooks.pushes() == 3);

		int calendarAttempts = world.calendar.attempts();
		run.workflow.redeliverWebhooks();
		world.awaitWithin(WorkflowTestSupport.PROMPTLY, "the redelivery sent", () -> world.webhooks.pushes() == 4);
		world.advance(Duration.ofMinutes(10));
		assertThat(world.webhooks.pushes()).isEqualTo(4);
		assertThat(world.calendar.attempts()).as("only the webhooks").isEqualTo(calendarAttempts);
		assertThat(run.syncStatus().webhook()).isEqualTo(SyncState.SYNCED);
	}

}
