package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.acme.booking.core.TestBookings.BUFFER;
import static com.acme.booking.core.TestBookings.NOW;
import static com.acme.booking.core.TestBookings.NO_LIMIT;
import static com.acme.booking.core.TestBookings.TEN;
import static com.acme.booking.core.TestBookings.booking;
import static com.acme.booking.core.TestBookings.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A booking's history on embedded PostgreSQL: every statement that changes a booking
 * leaves one entry with what it changed and who made it, in its own transaction; a
 * refused change and the sync's bookkeeping leave none.
 */
@SpringBootTest
class BookingHistoryTest {

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingHistory history;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		TestBookings.deleteAll(jdbc);
	}

	@Test
	void everyChangeIsRecordedWithWhatItChangedAndItsSource() {
		Booking made = insert(bookings, "ann@example.com", TEN);
		Instant later = TEN.plus(Duration.ofHours(2));
		bookings.update(made.id(), new BookingChange(later, later.plus(HALF_HOUR), null, "Acme", null, null), BUFFER,
				NOW.plusSeconds(60), ChangeSource.OPERATOR);
		bookings.cancel(made.id(), NOW.plusSeconds(120), ChangeSource.CALENDAR_OWNER);

		List<BookingHistory.Entry> changes = history.of(made.id());

		assertThat(changes).extracting(BookingHistory.Entry::source)
			.containsExactly(ChangeSource.CUSTOMER, ChangeSource.OPERATOR, ChangeSource.CALENDAR_OWNER);
		assertThat(changes).extracting(BookingHistory.Entry::revision).containsExactly(1L, 2L, 3L);
		assertThat(changes).extracting(BookingHistory.Entry::at)
			.containsExactly(NOW, NOW.plusSeconds(60), NOW.plusSeconds(120));
		BookingHistory.Entry created = changes.get(0);
		assertThat(side(created, "status", "from")).isNull();
		assertThat(side(created, "status", "to")).isEqualTo("CONFIRMED");
		assertThat(side(created, "startTime", "to")).isEqualTo("2030-03-06T10:00:00Z");
		assertThat(fields(created).contains("cancellationReason")).as("a field left empty is not shown").isFalse();
		BookingHistory.Entry moved = changes.get(1);
		assertThat(fields(moved)).containsExactlyInAnyOrder("startTime", "endTime", "company");
		assertThat(side(moved, "startTime", "from")).isEqualTo("2030-03-06T10:00:00Z");
		assertThat(side(moved, "startTime", "to")).isEqualTo("2030-03-06T12:00:00Z");
		assertThat(side(moved, "company", "from")).isEqualTo("Example Ltd");
		assertThat(side(moved, "company", "to")).isEqualTo("Acme");
		BookingHistory.Entry cancelled = changes.get(2);
		assertThat(fields(cancelled)).containsExactly("status");
		assertThat(side(cancelled, "status", "from")).isEqualTo("CONFIRMED");
		assertThat(side(cancelled, "status", "to")).isEqualTo("CANCELLED");
	}

	@Test
	void aRefusedChangeASameValuesEditAndTheSyncBookkeepingLeaveNoEntry() {
		Booking first = insert(bookings, "ann@example.com", TEN);
		Booking second = insert(bookings, "bob@example.com", TEN.plus(Duration.ofHours(2)));

		assertThatExceptionOfType(SlotTaken.class).isThrownBy(
				() -> bookings.update(second.id(), new BookingChange(TEN, TEN.plus(HALF_HOUR), "Bob", null, null, null),
						BUFFER, NOW, ChangeSource.CUSTOMER));
		bookings.saveCrmContactId(first.id(), "contact-1");
		bookings.reissueManageLink(first.id());
		bookings.update(first.id(), new BookingChange(null, null, "Ann Example", "Example Ltd", null, null), BUFFER,
				NOW, ChangeSource.CUSTOMER);
		bookings.cancel(first.id(), NOW, ChangeSource.CUSTOMER);
		bookings.cancel(first.id(), NOW, ChangeSource.CUSTOMER);

		assertThat(history.of(second.id())).as("the refused move").hasSize(1);
		assertThat(history.of(first.id())).as("the same values again are no change")
			.extracting(BookingHistory.Entry::revision)
			.containsExactly(1L, 3L);
	}

	@Test
	void aHoldConfirmedByItsCustomerOrExpiredByTheServiceSaysSo() {
		Booking confirmed = bookings.hold(UUID.randomUUID(), booking("ann@example.com", TEN, HALF_HOUR), BUFFER,
				NO_LIMIT, NOW, Duration.ofMinutes(15), ChangeSource.CUSTOMER);
		Booking expired = bookings.hold(UUID.randomUUID(),
				booking("bob@example.com", TEN.plus(Duration.ofHours(2)), HALF_HOUR), BUFFER, NO_LIMIT, NOW,
				Duration.ofMinutes(15), ChangeSource.CUSTOMER);
		bookings.verify(confirmed.id(), NOW.plusSeconds(30));
		bookings.expireHold(expired.id(), NOW.plus(Duration.ofMinutes(15)));

		List<BookingHistory.Entry> verified = history.of(confirmed.id());
		assertThat(verified).extracting(BookingHistory.Entry::source)
			.containsExactly(ChangeSource.CUSTOMER, ChangeSource.CUSTOMER);
		assertThat(side(verified.get(1), "status", "from")).isEqualTo("PENDING_VERIFICATION");
		assertThat(side(verified.get(1), "status", "to")).isEqualTo("CONFIRMED");
		List<BookingHistory.Entry> ended = history.of(expired.id());
		assertThat(ended).extracting(BookingHistory.Entry::source)
			.containsExactly(ChangeSource.CUSTOMER, ChangeSource.SERVICE);
		assertThat(side(ended.get(1), "cancellationReason", "to")).isEqualTo(Booking.VERIFICATION_EXPIRED);
	}

	/** One side ({@code from} or {@code to}) of a field the change set, as text. */
	private String side(BookingHistory.Entry entry, String field, String side) {
		return jdbc.sql("SELECT CAST(? AS jsonb) -> ? ->> ?")
			.params(entry.what(), field, side)
			.query((rs, row) -> rs.getString(1))
			.list()
			.get(0);
	}

	private List<String> fields(BookingHistory.Entry entry) {
		return jdbc.sql("SELECT jsonb_object_keys(CAST(? AS jsonb))").param(entry.what()).query(String.class).list();
	}

}
