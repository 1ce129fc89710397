package com.acme.booking.core;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.acme.booking.DatabaseSlice;
import com.acme.booking.workflow.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.NO_LIMIT;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.booking;
import static org.assertj.core.api.Assertions.assertThat;

/** The operators' listing: newest first, paged, filtered by manual sync and by email. */
@DatabaseSlice
class BookingListTest {

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	private UUID oldest;

	private UUID middle;

	private UUID newest;

	@BeforeEach
	void threeBookingsAMinuteApart() {
		TestBookings.deleteAll(jdbc);
		oldest = insert("ann@example.com", 0);
		middle = insert("bob@example.com", 1);
		newest = insert("Ann@Example.com", 2);
	}

	@Test
	void listsNewestFirstPageByPage() {
		assertThat(ids(bookings.list(false, false, null, 0, 2))).containsExactly(newest, middle);
		assertThat(ids(bookings.list(false, false, null, 1, 2))).containsExactly(oldest);
		assertThat(bookings.list(false, false, null, 2, 2)).isEmpty();
	}

	@Test
	void filtersByEmailWhateverItsCase() {
		assertThat(ids(bookings.list(false, false, "ANN@example.COM", 0, 10))).containsExactly(newest, oldest);
		assertThat(bookings.list(false, false, "nobody@example.com", 0, 10)).isEmpty();
	}

	@Test
	void listsOnlyBookingsNeedingManualSyncWhenAsked() {
		bookings.flagManualSync(oldest, Integration.CALENDAR, "Google said 403");
		bookings.flagManualSync(middle, Integration.CRM, "HubSpot said 400");

		assertThat(ids(bookings.list(true, false, null, 0, 10))).containsExactly(middle, oldest);
		assertThat(ids(bookings.list(true, false, "ann@example.com", 0, 10))).containsExactly(oldest);
	}

	/**
	 * The {@code n}-th booking: created {@code n} minutes after the first, for the
	 * {@code n}-th hour from ten.
	 */
	private UUID insert(String email, int n) {
		UUID id = UUID.randomUUID();
		bookings.insert(id, booking(email, TEN.plus(Duration.ofHours(n)), Duration.ofMinutes(30)), BUFFER, NO_LIMIT,
				NOW.plus(Duration.ofMinutes(n)), ChangeSource.CUSTOMER);
		return id;
	}

	private static List<UUID> ids(List<Booking> list) {
		return list.stream().map(Booking::id).toList();
	}

}
