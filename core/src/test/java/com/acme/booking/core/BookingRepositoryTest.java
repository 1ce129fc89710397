package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.DatabaseSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.NO_LIMIT;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.count;
import static com.acme.booking.core.TestBookings.insert;
import static com.acme.booking.core.TestBookings.syncUnfinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Inserts, reads and moves bookings on embedded PostgreSQL, whose exclusion constraint
 * has the last word.
 */
@DatabaseSlice
class BookingRepositoryTest {

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Autowired
	BookingRepository bookings;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void readsBackEveryFieldOfAnInsertedBooking() {
		UUID id = UUID.randomUUID();
		NewBooking request = new NewBooking("Ann Example", "Ann@Example.com", "Example Ltd", "+44 20 7946 0000",
				"Line one\nline two", TEN, TEN.plus(HALF_HOUR), "America/New_York");

		Booking returned = bookings.insert(id, request, BUFFER, NO_LIMIT, NOW, ChangeSource.CUSTOMER);
		Booking read = bookings.findById(id).orElseThrow();

		assertThat(returned).isEqualTo(read);
		assertThat(read).isEqualTo(new Booking(id, BookingStatus.CONFIRMED, "Ann Example", "Ann@Example.com",
				"Example Ltd", "+44 20 7946 0000", "Line one\nline two", TEN, TEN.plus(HALF_HOUR), "America/New_York",
				1, null, NOW, NOW, Map.of()));
		assertThat(syncUnfinished(read)).isTrue();
	}

	@Test
	void storesTheBlockedRangeWithHalfTheBufferOnEachSide() {
		Booking saved = insert(bookings, "ann@example.com", TEN);

		OffsetDateTime lower = jdbc.sql("SELECT lower(blocked) FROM booking WHERE id = ?")
			.param(saved.id())
			.query(OffsetDateTime.class)
			.single();
		OffsetDateTime upper = jdbc.sql("SELECT upper(blocked) FROM booking WHERE id = ?")
			.param(saved.id())
			.query(OffsetDateTime.class)
			.single();

		assertThat(lower.toInstant()).isEqualTo(TEN.minus(Duration.ofSeconds(450)));
		assertThat(upper.toInstant()).isEqualTo(TEN.plus(HALF_HOUR).plus(Duration.ofSeconds(450)));
	}

	@Test
	void findsNothingForAnUnknownId() {
		assertThat(bookings.findById(UUID.randomUUID())).isEmpty();
	}

	@Test
	void refusesAnOverlappingBookingAsSlotTaken() {
		insert(bookings, "ann@example.com", TEN);

		assertThatExceptionOfType(SlotTaken.class)
			.isThrownBy(() -> insert(bookings, "bob@example.com", TEN.plus(Duration.ofMinutes(15))));
		assertThat(count(jdbc)).isEqualTo(1);
	}

	@Test
	void allowsAGapExactlyAsLongAsTheBuffer() {
		insert(bookings, "ann@example.com", TEN);

		insert(bookings, "bob@example.com", TEN.plus(HALF_HOUR).plus(BUFFER));
		insert(bookings, "cid@example.com", TEN.minus(BUFFER).minus(HALF_HOUR));

		assertThat(count(jdbc)).isEqualTo(3);
	}

	@Test
	void refusesAGapShorterThanTheBufferOnEitherSide() {
		insert(bookings, "ann@example.com", TEN);
		Instant justAfter = TEN.plus(HALF_HOUR).plus(BUFFER).minusSeconds(60);
		Instant justBefore = TEN.minus(BUFFER).minus(HALF_HOUR).plusSeconds(60);

		assertThatExceptionOfType(SlotTaken.class).isThrownBy(() -> insert(bookings, "bob@example.com", justAfter));
		assertThatExceptionOfType(SlotTaken.class).isThrownBy(() -> insert(bookings, "cid@example.com", justBefore));
		assertThat(count(jdbc)).isEqualTo(1);
	}

	@Test
	void cancelledBookingsNeverBlockTheSlot() {
		Booking first = insert(bookings, "ann@example.com", TEN);
		bookings.cancel(first.id(), NOW, ChangeSource.CUSTOMER);

		Booking second = insert(bookings, "bob@example.com", TEN);
		bookings.cancel(second.id(), NOW, ChangeSource.CUSTOMER);
		Booking third = insert(bookings, "cid@example.com", TEN);

		assertThat(third.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(count(jdbc)).isEqualTo(3);
	}

	@Test
	void movingOntoAnotherBookingIsSlotTakenAndChangesNothing() {
		insert(bookings, "ann@example.com", TEN);
		Instant elevenThirty = TEN.plus(Duration.ofMinutes(90));
		Booking mine = insert(bookings, "bob@example.com", elevenThirty);
		BookingChange ontoAnn = new BookingChange(TEN.plus(Duration.ofMinutes(10)), TEN.plus(Duration.ofMinutes(40)),
				"Bob Renamed", null, null, null);

		assertThatExceptionOfType(SlotTaken.class)
			.isThrownBy(() -> bookings.update(mine.id(), ontoAnn, BUFFER, NOW.plusSeconds(60), ChangeSource.CUSTOMER));

		assertThat(bookings.findById(mine.id())).contains(mine);
	}

	@Test
	void movingWithinItsOwnBufferIsAllowed() {
		Booking mine = insert(bookings, "ann@example.com", TEN);
		BookingChange later = new BookingChange(TEN.plus(Duration.ofMinutes(15)), TEN.plus(Duration.ofMinutes(45)),
				null, null, null, null);

		Booking moved = bookings.update(mine.id(), later, BUFFER, NOW.plusSeconds(60), ChangeSource.CUSTOMER)
			.orElseThrow();

		assertThat(moved.startTime()).isEqualTo(TEN.plus(Duration.ofMinutes(15)));
		assertThat(moved.endTime()).isEqualTo(TEN.plus(Duration.ofMinutes(45)));
		assertThat(moved.name()).isEqualTo(mine.name());
		assertThat(moved.updatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(moved.createdAt()).isEqualTo(NOW);
	}

	@Test
	void aCancelledBookingIsNeitherUpdatedNorCancelledAgain() {
		Booking mine = insert(bookings, "ann@example.com", TEN);
		Booking cancelled = bookings.cancel(mine.id(), NOW.plusSeconds(60), ChangeSource.CUSTOMER).orElseThrow();

		assertThatExceptionOfType(BookingCancelled.class)
			.isThrownBy(() -> bookings.update(mine.id(), new BookingChange(null, null, "New", null, null, null), BUFFER,
					NOW.plusSeconds(120), ChangeSource.CUSTOMER));
		assertThat(bookings.findById(mine.id())).contains(cancelled);
		assertThat(bookings.cancel(mine.id(), NOW.plusSeconds(180), ChangeSource.CUSTOMER)).as("changes nothing")
			.isEmpty();
		assertThat(bookings.findById(mine.id())).contains(cancelled);
		assertThat(cancelled.revision()).isEqualTo(2);
	}

	@Test
	void aMoveOrACancelDropsTheClashFoundAtTheOldTimeAndADetailEditKeepsIt() {
		CalendarConflict dentist = new CalendarConflict(TEN, TEN.plus(HALF_HOUR));
		Booking mine = insert(bookings, "ann@example.com", TEN);
		bookings.recordCalendarConflict(mine.id(), mine.revision(), dentist);

		Booking edited = bookings
			.update(mine.id(), new BookingChange(null, null, "Ann B", null, null, null), BUFFER, NOW.plusSeconds(60),
					ChangeSource.CUSTOMER)
			.orElseThrow();
		assertThat(edited.calendarConflict()).isEqualTo(dentist);

		bookings.recordCalendarConflict(mine.id(), edited.revision(), dentist);
		Instant later = TEN.plus(Duration.ofHours(2));
		Booking moved = bookings
			.update(mine.id(), new BookingChange(later, later.plus(HALF_HOUR), null, null, null, null), BUFFER,
					NOW.plusSeconds(120), ChangeSource.CUSTOMER)
			.orElseThrow();
		assertThat(moved.calendarConflict()).as("the clash was with the old time").isNull();

		bookings.recordCalendarConflict(mine.id(), moved.revision(), dentist);
		assertThat(bookings.cancel(mine.id(), NOW.plusSeconds(180), ChangeSource.CUSTOMER)
			.orElseThrow()
			.calendarConflict()).as("a cancelled booking overlaps nothing").isNull();
	}

}
