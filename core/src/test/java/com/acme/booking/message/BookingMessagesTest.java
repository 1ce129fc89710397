package com.acme.booking.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.DatabaseSlice;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim that makes an email at most once per (booking, revision, kind). */
@DatabaseSlice
class BookingMessagesTest {

	private static final Instant NOW = Instant.parse("2030-05-06T08:00:00Z");

	private static final AtomicInteger DAY = new AtomicInteger();

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingMessages messages;

	@Test
	void aMessageIsClaimedOnceUnlessItCertainlyFailed() {
		Booking booking = insert();

		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION))).isTrue();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION))).as("a retry").isFalse();

		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION);
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION))).as("after a certain failure")
			.isTrue();
		messages.markSent(booking.id(), 1, MessageKind.CONFIRMATION, NOW.plusSeconds(5));
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION))).as("once sent").isFalse();

		assertThat(messages.claim(message(booking, 1, MessageKind.REMINDER))).as("another kind").isTrue();
		assertThat(messages.claim(message(booking, 2, MessageKind.UPDATE))).as("another revision").isTrue();
		assertThat(messages.forBooking(booking.id())).extracting(BookingMessage::kind, BookingMessage::delivery)
			.containsExactly(Tuple.tuple(MessageKind.CONFIRMATION, Delivery.SENT),
					Tuple.tuple(MessageKind.REMINDER, Delivery.SENDING),
					Tuple.tuple(MessageKind.UPDATE, Delivery.SENDING));
		assertThat(messages.forBooking(booking.id()).get(0).sentAt()).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void laterMessagesAreUpdatesOnlyOnceAConfirmationMayHaveLeft() {
		Booking booking = insert();
		assertThat(messages.confirmedBefore(booking.id(), 2)).isFalse();

		messages.claim(message(booking, 1, MessageKind.CONFIRMATION));
		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION);
		assertThat(messages.confirmedBefore(booking.id(), 2)).as("certainly not sent").isFalse();

		messages.claim(message(booking, 1, MessageKind.CONFIRMATION));
		assertThat(messages.confirmedBefore(booking.id(), 2)).as("possibly sent").isTrue();
		assertThat(messages.confirmedBefore(booking.id(), 1)).as("the confirmation's own revision").isFalse();
	}

	private Booking insert() {
		UUID id = UUID.randomUUID();
		Instant start = Instant.parse("2030-05-07T10:00:00Z").plus(Duration.ofDays(DAY.getAndIncrement()));
		return bookings.insert(id,
				new NewBooking("Ann Example", "ann+" + id + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(1000, Duration.ofDays(7)), NOW);
	}

	private static BookingMessage message(Booking booking, long revision, MessageKind kind) {
		return new BookingMessage(booking.id(), revision, kind, Delivery.SENDING, List.of(booking.email()), "Subject",
				"Text", "<p>Html</p>", (int) revision - 1, NOW, null);
	}

}
