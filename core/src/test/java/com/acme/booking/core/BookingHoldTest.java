package com.acme.booking.core;

import java.time.Duration;
import java.time.Instant;
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
import static com.acme.booking.core.TestBookings.syncUnfinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bookings held for email verification on embedded PostgreSQL: a hold blocks its slot, is
 * confirmed only before its end, expires into a settled cancellation, and counts for the
 * frequency limit even once it ended.
 */
@SpringBootTest
class BookingHoldTest {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

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
	void aHoldIsPendingUntilItsEndAndBlocksItsSlot() {
		Booking held = hold("ann@example.com", TEN);

		assertThat(held.status()).isEqualTo(BookingStatus.PENDING_VERIFICATION);
		assertThat(held.holdExpiresAt()).isEqualTo(NOW.plus(WINDOW));
		assertThat(held.unconfirmedHold()).isTrue();
		assertThat(held.emailVerified()).isFalse();
		assertThat(bookings.confirmedBetween(TEN, TEN.plus(HALF_HOUR))).extracting(Booking::id).contains(held.id());
		assertThatExceptionOfType(SlotTaken.class).isThrownBy(() -> insert(bookings, "bob@example.com", TEN));
		assertThat(backlog.behind(true, null, 10)).singleElement().satisfies(row -> assertThat(row.held()).isTrue());
	}

	@Test
	void onlyAPendingHoldBeforeItsEndIsConfirmed() {
		Booking held = hold("ann@example.com", TEN);

		assertThat(bookings.verify(held.id(), NOW.plus(WINDOW))).as("at its end").isEmpty();
		Booking confirmed = bookings.verify(held.id(), NOW.plus(WINDOW).minusSeconds(1)).orElseThrow();

		assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(confirmed.verifiedAt()).isEqualTo(NOW.plus(WINDOW).minusSeconds(1));
		assertThat(confirmed.emailVerified()).isTrue();
		assertThat(confirmed.unconfirmedHold()).isFalse();
		assertThat(confirmed.revision()).as("pushed like a change").isEqualTo(2);
		assertThat(bookings.verify(held.id(), NOW)).as("twice").isEmpty();
		assertThat(bookings.expireHold(held.id(), NOW.plus(WINDOW))).as("a confirmed hold does not expire").isFalse();
		assertThat(bookings.findById(held.id()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(bookings.verify(insert(bookings, "bob@example.com", TEN.plus(Duration.ofHours(2))).id(), NOW))
			.as("a booking made without verification")
			.isEmpty();
	}

	@Test
	void anExpiredHoldIsCancelledWithItsReasonSettledAndItsSlotFree() {
		Booking held = hold("ann@example.com", TEN);

		assertThat(bookings.expireHold(held.id(), NOW.plus(WINDOW))).isTrue();

		Booking expired = bookings.findById(held.id()).orElseThrow();
		assertThat(expired.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(expired.cancellationReason()).isEqualTo(Booking.VERIFICATION_EXPIRED);
		assertThat(expired.revision()).isEqualTo(2);
		assertThat(syncUnfinished(expired)).as("nothing to push, no email to send").isFalse();
		assertThat(backlog.behind(true, null, 10)).isEmpty();
		assertThat(backlog.behind(false, null, 10)).isEmpty();
		assertThat(bookings.expireHold(held.id(), NOW.plus(WINDOW))).as("once").isFalse();
		assertThat(bookings.verify(held.id(), NOW)).as("too late").isEmpty();
		assertThat(insert(bookings, "bob@example.com", TEN).status()).isEqualTo(BookingStatus.CONFIRMED);
	}

	@Test
	void aWithdrawnHoldIsSettledAndACancelledBookingKeepsItsSyncDue() {
		Booking held = hold("ann@example.com", TEN);
		Booking withdrawn = bookings.cancel(held.id(), NOW, ChangeSource.CUSTOMER).orElseThrow();
		assertThat(syncUnfinished(withdrawn)).isFalse();
		assertThat(withdrawn.cancellationReason()).as("a customer's cancel").isNull();

		Booking confirmed = insert(bookings, "bob@example.com", TEN.plus(Duration.ofHours(2)));
		assertThat(syncUnfinished(bookings.cancel(confirmed.id(), NOW, ChangeSource.CUSTOMER).orElseThrow()))
			.as("a confirmed booking's cancel is pushed")
			.isTrue();
	}

	@Test
	void theFrequencyLimitCountsHoldsNeverConfirmedEvenOnceTheyEnded() {
		FrequencyLimit two = new FrequencyLimit(2, Duration.ofDays(7));
		Booking expired = bookings.hold(UUID.randomUUID(), booking("ann@example.com", TEN, HALF_HOUR), BUFFER, two, NOW,
				WINDOW, ChangeSource.CUSTOMER);
		bookings.expireHold(expired.id(), NOW.plus(WINDOW));
		Booking withdrawn = bookings.hold(UUID.randomUUID(),
				booking("ann@example.com", TEN.plus(Duration.ofHours(2)), HALF_HOUR), BUFFER, two, NOW, WINDOW,
				ChangeSource.CUSTOMER);
		bookings.cancel(withdrawn.id(), NOW, ChangeSource.CUSTOMER);

		assertThatExceptionOfType(FrequencyLimitReached.class).isThrownBy(() -> bookings.hold(UUID.randomUUID(),
				booking("ann@example.com", TEN.plus(Duration.ofHours(4)), HALF_HOUR), BUFFER, two, NOW, WINDOW,
				ChangeSource.CUSTOMER));
	}

	@Test
	void aConfirmedHoldThenCancelledNoLongerCounts() {
		FrequencyLimit one = new FrequencyLimit(1, Duration.ofDays(7));
		Booking held = bookings.hold(UUID.randomUUID(), booking("ann@example.com", TEN, HALF_HOUR), BUFFER, one, NOW,
				WINDOW, ChangeSource.CUSTOMER);
		bookings.verify(held.id(), NOW);
		bookings.cancel(held.id(), NOW, ChangeSource.CUSTOMER);

		assertThat(bookings
			.hold(UUID.randomUUID(), booking("ann@example.com", TEN.plus(Duration.ofHours(2)), HALF_HOUR), BUFFER, one,
					NOW, WINDOW, ChangeSource.CUSTOMER)
			.status()).isEqualTo(BookingStatus.PENDING_VERIFICATION);
	}

	@Test
	void theCrmContactNeverDescribesAnUnconfirmedHold() {
		Booking real = insert(bookings, "ann@example.com", TEN.plus(Duration.ofDays(1)));
		hold("ann@example.com", TEN);

		assertThat(bookings.shownOnContact("ann@example.com", NOW)).map(Booking::id).contains(real.id());
	}

	@Test
	void revokingTheManageLinkBumpsItsVersion() {
		Booking booking = insert(bookings, "ann@example.com", TEN);
		assertThat(booking.manageLinkVersion()).isEqualTo(1);

		assertThat(bookings.reissueManageLink(booking.id()).orElseThrow().manageLinkVersion()).isEqualTo(2);
		assertThat(bookings.findById(booking.id()).orElseThrow().manageLinkVersion()).isEqualTo(2);
		assertThat(bookings.findById(booking.id()).orElseThrow().revision()).as("not a change to push").isEqualTo(1);
		assertThat(bookings.reissueManageLink(UUID.randomUUID())).isEmpty();
	}

	private Booking hold(String email, Instant start) {
		return bookings.hold(UUID.randomUUID(), booking(email, start, HALF_HOUR), BUFFER, NO_LIMIT, NOW, WINDOW,
				ChangeSource.CUSTOMER);
	}

}
