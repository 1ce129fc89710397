package com.acme.booking.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.acme.booking.DatabaseSlice;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.insert;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler's and the operators' backlog, walked page by page. */
@DatabaseSlice
class SyncBacklogTest {

	@Autowired
	BookingRepository bookings;

	@Autowired
	SyncBacklog backlog;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void walksEveryBookingBehindPageByPageNeverSyncedOnesApart() {
		List<UUID> neverSynced = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			neverSynced.add(insert(bookings, "n" + i + "@example.com", TEN.plus(Duration.ofHours(i))).id());
		}
		Booking changed = synced(insert(bookings, "c@example.com", TEN.plus(Duration.ofDays(1))));
		bookings.cancel(changed.id(), NOW, ChangeSource.CUSTOMER);
		synced(insert(bookings, "done@example.com", TEN.plus(Duration.ofDays(2))));

		// Each exactly once (PostgreSQL orders uuids bytewise, Java's compareTo does not:
		// order is not compared).
		assertThat(walk(true, 2)).containsExactlyInAnyOrderElementsOf(neverSynced);
		assertThat(walk(false, 2)).containsExactly(changed.id());
		assertThat(backlog.behind(false, null, 2)).singleElement()
			.satisfies(row -> assertThat(row.revision()).isEqualTo(2));
	}

	@Test
	void leavesOutBookingsThatOnlyWaitForAnOperator() {
		Booking calendarFlagged = insert(bookings, "a@example.com", TEN);
		bookings.recordSynced(calendarFlagged.id(), Integration.CRM, 1, "c-1", true);
		bookings.recordSynced(calendarFlagged.id(), Integration.MAIL, 1, null, true);
		bookings.recordSynced(calendarFlagged.id(), Integration.WEBHOOK, 1, null, true);
		bookings.flagManualSync(calendarFlagged.id(), Integration.CALENDAR, "401");
		Booking crmStillDue = insert(bookings, "b@example.com", TEN.plus(Duration.ofHours(2)));
		bookings.flagManualSync(crmStillDue.id(), Integration.CALENDAR, "401");

		assertThat(backlog.behind(true, null, 10)).extracting(SyncBacklog.Behind::id).containsExactly(crmStillDue.id());
		assertThat(backlog.behind(false, null, 10)).isEmpty();
	}

	@Test
	void aBookingWhoseEmailIsBehindIsBehindEvenWithItsCalendarAndCrmFlagged() {
		Booking mailDue = insert(bookings, "a@example.com", TEN);
		bookings.recordSynced(mailDue.id(), Integration.CALENDAR, 1, "event", true);
		bookings.recordSynced(mailDue.id(), Integration.CRM, 1, "contact", true);
		Booking bothFlagged = synced(insert(bookings, "b@example.com", TEN.plus(Duration.ofHours(2))));
		bookings.update(bothFlagged.id(), new BookingChange(null, null, "Renamed", null, null, null),
				TestBookings.BUFFER, NOW, ChangeSource.CUSTOMER);
		bookings.flagManualSync(bothFlagged.id(), Integration.CALENDAR, "Google said 403");
		bookings.flagManualSync(bothFlagged.id(), Integration.CRM, "HubSpot said 401");
		Booking mailFlagged = insert(bookings, "c@example.com", TEN.plus(Duration.ofHours(4)));
		bookings.recordSynced(mailFlagged.id(), Integration.CALENDAR, 1, "event", true);
		bookings.recordSynced(mailFlagged.id(), Integration.CRM, 1, "contact", true);
		bookings.recordSynced(mailFlagged.id(), Integration.WEBHOOK, 1, null, true);
		bookings.flagManualSync(mailFlagged.id(), Integration.MAIL, "The SMTP server cannot be reached");
		synced(insert(bookings, "d@example.com", TEN.plus(Duration.ofHours(6))));

		assertThat(walk(false, 10)).containsExactlyInAnyOrder(mailDue.id(), bothFlagged.id());
		assertThat(backlog.behind(false, null, 10)).filteredOn(row -> row.id().equals(bothFlagged.id()))
			.singleElement()
			.satisfies(row -> assertThat(row.revision()).isEqualTo(2));
		assertThat(walk(true, 10)).isEmpty();
	}

	@Test
	void anEmailRecordedFirstMakesTheBookingNoLongerNeverSynced() {
		Booking mailOnly = insert(bookings, "a@example.com", TEN);
		bookings.recordSynced(mailOnly.id(), Integration.MAIL, 1, null, true);

		assertThat(walk(true, 10)).isEmpty();
		assertThat(walk(false, 10)).containsExactly(mailOnly.id());
	}

	@Test
	void listsFlaggedBookingsPerIntegration() {
		Booking both = insert(bookings, "a@example.com", TEN);
		bookings.flagManualSync(both.id(), Integration.CALENDAR, "calendar said 403");
		bookings.flagManualSync(both.id(), Integration.CRM, "HubSpot said 401");
		Booking crm = insert(bookings, "b@example.com", TEN.plus(Duration.ofHours(2)));
		bookings.flagManualSync(crm.id(), Integration.CRM, "HubSpot said 401");
		Booking mail = insert(bookings, "m@example.com", TEN.plus(Duration.ofHours(6)));
		bookings.flagManualSync(mail.id(), Integration.MAIL, "The SMTP server cannot be reached");
		insert(bookings, "c@example.com", TEN.plus(Duration.ofHours(4)));

		assertThat(backlog.flagged(EnumSet.of(Integration.CALENDAR), null, 10)).extracting(Booking::id)
			.containsExactly(both.id());
		assertThat(backlog.flagged(EnumSet.of(Integration.MAIL), null, 10)).extracting(Booking::id)
			.containsExactly(mail.id());
		assertThat(backlog.flagged(EnumSet.allOf(Integration.class), null, 10)).extracting(Booking::id)
			.containsExactlyInAnyOrder(both.id(), crm.id(), mail.id());
		assertThat(backlog.flagged(EnumSet.of(Integration.CALENDAR), null, 10)).singleElement()
			.satisfies(read -> assertThat(read.sync(Integration.CRM).error()).isEqualTo("HubSpot said 401"));
	}

	private List<UUID> walk(boolean neverSynced, int pageSize) {
		List<UUID> seen = new ArrayList<>();
		UUID after = null;
		List<SyncBacklog.Behind> page;
		do {
			page = backlog.behind(neverSynced, after, pageSize);
			page.forEach(row -> seen.add(row.id()));
			after = page.isEmpty() ? after : page.get(page.size() - 1).id();
		}
		while (page.size() == pageSize);
		return seen;
	}

	private Booking synced(Booking booking) {
		for (Integration integration : Integration.values()) {
			bookings.recordSynced(booking.id(), integration, booking.revision(), "x", true);
		}
		return booking;
	}

}
