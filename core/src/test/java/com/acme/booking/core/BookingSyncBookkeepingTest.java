package com.acme.booking.core;

import java.time.Duration;
import java.util.UUID;

import com.acme.booking.DatabaseSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.insert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions and synced revisions: what tells the workflow and the reconciler whether a
 * booking still needs a push.
 */
@DatabaseSlice
class BookingSyncBookkeepingTest {

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void updateBumpsTheRevisionAndClearsBothSyncedFlags() {
		Booking booking = synced(insert(bookings, "ann@example.com", TEN));

		Booking updated = bookings
			.update(booking.id(), new BookingChange(null, null, null, "New Co", null, null), BUFFER,
					NOW.plusSeconds(60))
			.orElseThrow();

		assertThat(updated.revision()).isEqualTo(2);
		assertThat(updated.company()).isEqualTo("New Co");
		assertThat(updated.calendarSynced()).isFalse();
		assertThat(updated.crmSynced()).isFalse();
		assertThat(updated.calendarSyncedRevision()).isEqualTo(1);
		assertThat(updated.syncUnfinished()).isTrue();
	}

	@Test
	void cancelBumpsTheRevisionAndClearsBothSyncedFlags() {
		Booking booking = synced(insert(bookings, "ann@example.com", TEN));

		Booking cancelled = bookings.cancel(booking.id(), NOW.plusSeconds(60)).orElseThrow();

		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.revision()).isEqualTo(2);
		assertThat(cancelled.calendarSynced()).isFalse();
		assertThat(cancelled.crmSynced()).isFalse();
		assertThat(cancelled.updatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(bookings.unfinishedSync(10)).containsExactly(booking.id());
	}

	@Test
	void recordSyncedClaimsSyncedOnlyWhileTheRevisionIsCurrent() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.update(booking.id(), new BookingChange(null, null, "Renamed", null, null, null), BUFFER, NOW);

		bookings.recordSynced(booking.id(), Integration.CALENDAR, 1, "event1", true);
		Booking stale = bookings.findById(booking.id()).orElseThrow();
		assertThat(stale.calendarSynced()).isFalse();
		assertThat(stale.calendarSyncedRevision()).isEqualTo(1);
		assertThat(stale.calendarEventId()).isEqualTo("event1");

		bookings.recordSynced(booking.id(), Integration.CALENDAR, 2, null, true);
		Booking current = bookings.findById(booking.id()).orElseThrow();
		assertThat(current.calendarSynced()).isTrue();
		assertThat(current.calendarSyncedRevision()).isEqualTo(2);
		assertThat(current.calendarEventId()).isEqualTo("event1");
		assertThat(current.crmSynced()).isFalse();
		assertThat(current.crmSyncedRevision()).isZero();
	}

	@Test
	void aLateResultForAnOlderRevisionNeverLowersTheSyncedRevision() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.update(booking.id(), new BookingChange(null, null, "Renamed", null, null, null), BUFFER, NOW);
		bookings.recordSynced(booking.id(), Integration.CRM, 2, "contact1", true);

		bookings.recordSynced(booking.id(), Integration.CRM, 1, null, true);

		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.crmSyncedRevision()).isEqualTo(2);
		assertThat(read.crmContactId()).isEqualTo("contact1");
	}

	@Test
	void aDisabledIntegrationRecordsTheRevisionWithoutClaimingSynced() {
		Booking booking = insert(bookings, "ann@example.com", TEN);

		bookings.recordSynced(booking.id(), Integration.CALENDAR, 1, null, false);
		bookings.recordSynced(booking.id(), Integration.CRM, 1, null, false);
		bookings.recordSynced(booking.id(), Integration.MAIL, 1, null, false);

		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.calendarSynced()).isFalse();
		assertThat(read.crmSynced()).isFalse();
		assertThat(read.mailSynced()).isFalse();
		assertThat(read.mailSyncedRevision()).isEqualTo(1);
		assertThat(read.syncUnfinished()).isFalse();
		assertThat(bookings.unfinishedSync(10)).isEmpty();
	}

	@Test
	void unfinishedSyncListsExactlyTheBookingsWithSomethingToPushOrFlagged() {
		Booking fresh = insert(bookings, "a@example.com", TEN);
		Booking done = synced(insert(bookings, "b@example.com", TEN.plus(Duration.ofHours(1))));
		Booking crmPending = insert(bookings, "c@example.com", TEN.plus(Duration.ofHours(2)));
		bookings.recordSynced(crmPending.id(), Integration.CALENDAR, 1, "event", true);
		bookings.recordSynced(crmPending.id(), Integration.MAIL, 1, null, true);
		Booking mailPending = insert(bookings, "f@example.com", TEN.plus(Duration.ofHours(5)));
		bookings.recordSynced(mailPending.id(), Integration.CALENDAR, 1, "event", true);
		bookings.recordSynced(mailPending.id(), Integration.CRM, 1, "contact", true);
		Booking mailFlagged = synced(insert(bookings, "g@example.com", TEN.plus(Duration.ofHours(6))));
		bookings.flagManualSync(mailFlagged.id(), Integration.MAIL, "The SMTP server cannot be reached");
		Booking flagged = synced(insert(bookings, "d@example.com", TEN.plus(Duration.ofHours(3))));
		bookings.flagManualSync(flagged.id(), Integration.CRM, "HubSpot said 403");
		Booking changed = synced(insert(bookings, "e@example.com", TEN.plus(Duration.ofHours(4))));
		bookings.cancel(changed.id(), NOW);

		assertThat(bookings.unfinishedSync(10)).containsExactlyInAnyOrder(fresh.id(), crmPending.id(), flagged.id(),
				changed.id(), mailPending.id(), mailFlagged.id());
		assertThat(bookings.unfinishedSync(10)).doesNotContain(done.id());
		assertThat(bookings.unfinishedSync(2)).hasSize(2);
	}

	@Test
	void flagManualSyncKeepsTheReasonAndClearManualSyncForgetsIt() {
		Booking booking = synced(insert(bookings, "ann@example.com", TEN));

		bookings.flagManualSync(booking.id(), Integration.CALENDAR, "x".repeat(3000));
		Booking flagged = bookings.findById(booking.id()).orElseThrow();
		assertThat(flagged.requiresManualCalendarSync()).isTrue();
		assertThat(flagged.calendarSynced()).isFalse();
		assertThat(flagged.calendarSyncError()).hasSize(2000);
		assertThat(flagged.requiresManualCrmSync()).isFalse();
		assertThat(flagged.crmSynced()).isTrue();
		assertThat(flagged.syncUnfinished()).isTrue();

		assertThat(bookings.clearManualSync(booking.id())).isTrue();
		Booking cleared = bookings.findById(booking.id()).orElseThrow();
		assertThat(cleared.requiresManualCalendarSync()).isFalse();
		assertThat(cleared.calendarSyncError()).isNull();
		assertThat(cleared.syncUnfinished()).isFalse();

		bookings.flagManualSync(booking.id(), Integration.MAIL, "The SMTP server cannot be reached");
		Booking mailFlagged = bookings.findById(booking.id()).orElseThrow();
		assertThat(mailFlagged.requiresManualMailSync()).isTrue();
		assertThat(mailFlagged.mailSyncError()).isEqualTo("The SMTP server cannot be reached");
		assertThat(bookings.list(true, false, null, 0, 10)).extracting(Booking::id).containsExactly(booking.id());
		assertThat(bookings.clearManualSync(booking.id())).isTrue();
		assertThat(bookings.findById(booking.id()).orElseThrow().requiresManualMailSync()).isFalse();
	}

	@Test
	void recordingASyncClearsThatIntegrationsManualFlag() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.flagManualSync(booking.id(), Integration.CRM, "HubSpot said 401");

		bookings.recordSynced(booking.id(), Integration.CRM, 1, "contact1", true);

		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.requiresManualCrmSync()).isFalse();
		assertThat(read.crmSyncError()).isNull();
		assertThat(read.crmSynced()).isTrue();
	}

	@Test
	void clearManualSyncOfAnUnknownBookingReportsFalse() {
		assertThat(bookings.clearManualSync(UUID.randomUUID())).isFalse();
	}

	private Booking synced(Booking booking) {
		bookings.recordSynced(booking.id(), Integration.CALENDAR, booking.revision(), "event", true);
		bookings.recordSynced(booking.id(), Integration.CRM, booking.revision(), "contact", true);
		bookings.recordSynced(booking.id(), Integration.MAIL, booking.revision(), null, true);
		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.calendarSynced()).isTrue();
		assertThat(read.crmSynced()).isTrue();
		return read;
	}

}
