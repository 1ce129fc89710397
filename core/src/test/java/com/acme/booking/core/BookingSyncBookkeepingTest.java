package com.acme.booking.core;

import java.util.EnumSet;

import com.acme.booking.DatabaseSlice;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.insert;
import static com.acme.booking.core.TestBookings.syncUnfinished;
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
					NOW.plusSeconds(60), ChangeSource.CUSTOMER)
			.orElseThrow();

		assertThat(updated.revision()).isEqualTo(2);
		assertThat(updated.company()).isEqualTo("New Co");
		assertThat(updated.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(updated.sync(Integration.CRM).synced()).isFalse();
		assertThat(updated.sync(Integration.CALENDAR).syncedRevision()).isEqualTo(1);
		assertThat(syncUnfinished(updated)).isTrue();
	}

	@Test
	void cancelBumpsTheRevisionAndClearsBothSyncedFlags() {
		Booking booking = synced(insert(bookings, "ann@example.com", TEN));

		Booking cancelled = bookings.cancel(booking.id(), NOW.plusSeconds(60), ChangeSource.CUSTOMER).orElseThrow();

		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.revision()).isEqualTo(2);
		assertThat(cancelled.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(cancelled.sync(Integration.CRM).synced()).isFalse();
		assertThat(cancelled.updatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(syncUnfinished(cancelled)).isTrue();
	}

	@Test
	void recordSyncedClaimsSyncedOnlyWhileTheRevisionIsCurrent() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.update(booking.id(), new BookingChange(null, null, "Renamed", null, null, null), BUFFER, NOW,
				ChangeSource.CUSTOMER);

		bookings.recordSynced(booking.id(), Integration.CALENDAR, 1, "event1", true);
		Booking stale = bookings.findById(booking.id()).orElseThrow();
		assertThat(stale.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(stale.sync(Integration.CALENDAR).syncedRevision()).isEqualTo(1);
		assertThat(stale.calendarEventId()).isEqualTo("event1");

		bookings.recordSynced(booking.id(), Integration.CALENDAR, 2, null, true);
		Booking current = bookings.findById(booking.id()).orElseThrow();
		assertThat(current.sync(Integration.CALENDAR).synced()).isTrue();
		assertThat(current.sync(Integration.CALENDAR).syncedRevision()).isEqualTo(2);
		assertThat(current.calendarEventId()).isEqualTo("event1");
		assertThat(current.sync(Integration.CRM).synced()).isFalse();
		assertThat(current.sync(Integration.CRM).syncedRevision()).isZero();
	}

	@Test
	void aLateResultForAnOlderRevisionNeverLowersTheSyncedRevision() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.update(booking.id(), new BookingChange(null, null, "Renamed", null, null, null), BUFFER, NOW,
				ChangeSource.CUSTOMER);
		bookings.recordSynced(booking.id(), Integration.CRM, 2, "contact1", true);

		bookings.recordSynced(booking.id(), Integration.CRM, 1, null, true);

		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.sync(Integration.CRM).syncedRevision()).isEqualTo(2);
		assertThat(read.crmContactId()).isEqualTo("contact1");
	}

	@Test
	void aDisabledIntegrationRecordsTheRevisionWithoutClaimingSynced() {
		Booking booking = insert(bookings, "ann@example.com", TEN);

		bookings.recordSynced(booking.id(), Integration.CALENDAR, 1, null, false);
		bookings.recordSynced(booking.id(), Integration.CRM, 1, null, false);
		bookings.recordSynced(booking.id(), Integration.MAIL, 1, null, false);
		bookings.recordSynced(booking.id(), Integration.WEBHOOK, 1, null, false);

		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(read.sync(Integration.CRM).synced()).isFalse();
		assertThat(read.sync(Integration.MAIL).synced()).isFalse();
		assertThat(read.sync(Integration.MAIL).syncedRevision()).isEqualTo(1);
		assertThat(syncUnfinished(read)).isFalse();
	}

	@Test
	void flagManualSyncKeepsTheReasonAndClearManualSyncForgetsItForTheIntegrationsCleared() {
		Booking booking = synced(insert(bookings, "ann@example.com", TEN));

		bookings.flagManualSync(booking.id(), Integration.CALENDAR, "x".repeat(3000));
		Booking flagged = bookings.findById(booking.id()).orElseThrow();
		assertThat(flagged.sync(Integration.CALENDAR).manual()).isTrue();
		assertThat(flagged.sync(Integration.CALENDAR).synced()).isFalse();
		assertThat(flagged.sync(Integration.CALENDAR).error()).hasSize(2000);
		assertThat(flagged.sync(Integration.CRM).manual()).isFalse();
		assertThat(flagged.sync(Integration.CRM).synced()).isTrue();
		assertThat(syncUnfinished(flagged)).isTrue();

		bookings.clearManualSync(booking.id(), EnumSet.allOf(Integration.class));
		Booking cleared = bookings.findById(booking.id()).orElseThrow();
		assertThat(cleared.sync(Integration.CALENDAR).manual()).isFalse();
		assertThat(cleared.sync(Integration.CALENDAR).error()).isNull();
		assertThat(syncUnfinished(cleared)).isFalse();

		bookings.flagManualSync(booking.id(), Integration.MAIL, "The SMTP server cannot be reached");
		Booking mailFlagged = bookings.findById(booking.id()).orElseThrow();
		assertThat(mailFlagged.sync(Integration.MAIL).manual()).isTrue();
		assertThat(mailFlagged.sync(Integration.MAIL).error()).isEqualTo("The SMTP server cannot be reached");
		assertThat(bookings.list(true, false, null, 0, 10)).extracting(Booking::id).containsExactly(booking.id());
		bookings.clearManualSync(booking.id(), EnumSet.of(Integration.CALENDAR, Integration.CRM));
		assertThat(bookings.findById(booking.id()).orElseThrow().sync(Integration.MAIL))
			.as("another integration's flag stays")
			.isEqualTo(new IntegrationSync(false, 1, true, "The SMTP server cannot be reached"));
		bookings.clearManualSync(booking.id(), EnumSet.of(Integration.MAIL));
		assertThat(bookings.findById(booking.id()).orElseThrow().sync(Integration.MAIL).manual()).isFalse();
	}

	@Test
	void recordingASyncClearsThatIntegrationsManualFlag() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		bookings.flagManualSync(booking.id(), Integration.CRM, "HubSpot said 401");

		bookings.recordSynced(booking.id(), Integration.CRM, 1, "contact1", true);

		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.sync(Integration.CRM).manual()).isFalse();
		assertThat(read.sync(Integration.CRM).error()).isNull();
		assertThat(read.sync(Integration.CRM).synced()).isTrue();
	}

	private Booking synced(Booking booking) {
		bookings.recordSynced(booking.id(), Integration.CALENDAR, booking.revision(), "event", true);
		bookings.recordSynced(booking.id(), Integration.CRM, booking.revision(), "contact", true);
		bookings.recordSynced(booking.id(), Integration.MAIL, booking.revision(), null, true);
		bookings.recordSynced(booking.id(), Integration.WEBHOOK, booking.revision(), null, true);
		Booking read = bookings.findById(booking.id()).orElseThrow();
		assertThat(read.sync(Integration.CALENDAR).synced()).isTrue();
		assertThat(read.sync(Integration.CRM).synced()).isTrue();
		return read;
	}

}
