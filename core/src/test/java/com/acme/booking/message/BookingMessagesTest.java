package com.acme.booking.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.DatabaseSlice;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim of an email per (booking, revision, kind): never sent twice once sent, sent
 * again when its outcome is unknown.
 */
@DatabaseSlice
class BookingMessagesTest {

	private static final Instant NOW = Instant.parse("2030-05-06T08:00:00Z");

	private static final AtomicInteger DAY = new AtomicInteger();

	/** The first attempt of an activity. */
	private static final MessageClaim FIRST = new MessageClaim("run-1/activity-1", 1, Duration.ofMinutes(5));

	/** Its retry. */
	private static final MessageClaim SECOND = new MessageClaim("run-1/activity-1", 2, Duration.ofMinutes(5));

	/** Another activity (another run, or a later email of the same run). */
	private static final MessageClaim OTHER = new MessageClaim("run-2/activity-1", 1, Duration.ofMinutes(5));

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingMessages messages;

	@Test
	void aMessageIsClaimedOnceUnlessItCertainlyFailed() {
		Booking booking = insert();

		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST)).isTrue();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), OTHER)).as("another activity")
			.isFalse();

		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION, FIRST);
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), OTHER)).as("after a certain failure")
			.isTrue();
		messages.markSent(booking.id(), 1, MessageKind.CONFIRMATION, NOW.plusSeconds(5));
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST)).as("once sent").isFalse();

		assertThat(messages.claim(message(booking, 1, MessageKind.REMINDER), FIRST)).as("another kind").isTrue();
		assertThat(messages.claim(message(booking, 2, MessageKind.UPDATE), FIRST)).as("another revision").isTrue();
		assertThat(messages.forBooking(booking.id())).extracting(BookingMessage::kind, BookingMessage::delivery)
			.containsExactly(Tuple.tuple(MessageKind.CONFIRMATION, Delivery.SENT),
					Tuple.tuple(MessageKind.REMINDER, Delivery.SENDING),
					Tuple.tuple(MessageKind.UPDATE, Delivery.SENDING));
		assertThat(messages.forBooking(booking.id()).get(0).sentAt()).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void aMessageWhoseOutcomeIsUnknownIsClaimedAgainByTheNextAttempt() {
		Booking booking = insert();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST)).isTrue();

		messages.release(booking.id(), 1, MessageKind.CONFIRMATION, FIRST);
		assertThat(messages.forBooking(booking.id())).singleElement()
			.satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.SENDING));
		assertThat(messages.handled(booking.id(), MessageKind.CONFIRMATION, SECOND)).isFalse();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), SECOND)).isTrue();
		assertThat(messages.handled(booking.id(), MessageKind.CONFIRMATION, OTHER)).as("being sent").isTrue();
	}

	@Test
	void aClaimStillHeldIsTakenOverByALaterAttemptOfTheSameActivityOrOnceItExpired() {
		Booking booking = insert();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST)).isTrue();

		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), OTHER))
			.as("another activity, the attempt may still run")
			.isFalse();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), SECOND))
			.as("Temporal ran the first attempt out")
			.isTrue();
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION),
				new MessageClaim(OTHER.owner(), 1, Duration.ZERO)))
			.as("older than an attempt can run")
			.isTrue();
	}

	@Test
	void aMessageHeldByAnotherAttemptThatMayStillSendIsSendingElsewhere() {
		Booking booking = insert();
		assertThat(messages.sendingElsewhere(booking.id(), MessageKind.VERIFICATION, OTHER)).isFalse();
		messages.claim(message(booking, 1, MessageKind.VERIFICATION), FIRST);

		assertThat(messages.sendingElsewhere(booking.id(), MessageKind.VERIFICATION, OTHER))
			.as("held by another activity's attempt")
			.isTrue();
		assertThat(messages.sendingElsewhere(booking.id(), MessageKind.VERIFICATION, SECOND))
			.as("a later attempt of the same activity takes it over")
			.isFalse();
		assertThat(messages.handled(booking.id(), MessageKind.VERIFICATION, OTHER))
			.as("which is why handled() alone must not be trusted")
			.isTrue();
	}

	@Test
	void aSentMessageIsNeverClaimedAgain() {
		Booking booking = insert();
		messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST);
		messages.markSent(booking.id(), 1, MessageKind.CONFIRMATION, NOW);

		for (MessageClaim claim : List.of(FIRST, SECOND, OTHER, new MessageClaim("later", 9, Duration.ZERO))) {
			assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), claim)).as(claim.toString())
				.isFalse();
		}
		assertThat(messages.handled(booking.id(), MessageKind.CONFIRMATION, SECOND)).isTrue();
		assertThat(messages.delivery(booking.id(), 1, MessageKind.CONFIRMATION)).contains(Delivery.SENT);
	}

	@Test
	void aLateOutcomeOfAnAbandonedAttemptDoesNotOverwriteTheNewerAttempts() {
		Booking booking = insert();
		messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST);
		messages.claim(message(booking, 1, MessageKind.CONFIRMATION), SECOND);

		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION, FIRST);
		messages.release(booking.id(), 1, MessageKind.CONFIRMATION, FIRST);
		assertThat(messages.claim(message(booking, 1, MessageKind.CONFIRMATION), OTHER))
			.as("the second attempt still holds it")
			.isFalse();
		messages.markSent(booking.id(), 1, MessageKind.CONFIRMATION, NOW);
		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION, FIRST);
		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION, SECOND);
		assertThat(messages.delivery(booking.id(), 1, MessageKind.CONFIRMATION)).contains(Delivery.SENT);
	}

	@Test
	void laterMessagesAreUpdatesOnlyOnceAConfirmationMayHaveLeft() {
		Booking booking = insert();
		assertThat(messages.confirmedBefore(booking.id(), 2)).isFalse();

		messages.claim(message(booking, 1, MessageKind.CONFIRMATION), FIRST);
		messages.markFailed(booking.id(), 1, MessageKind.CONFIRMATION, FIRST);
		assertThat(messages.confirmedBefore(booking.id(), 2)).as("certainly not sent").isFalse();

		messages.claim(message(booking, 1, MessageKind.CONFIRMATION), SECOND);
		assertThat(messages.confirmedBefore(booking.id(), 2)).as("possibly sent").isTrue();
		assertThat(messages.confirmedBefore(booking.id(), 1)).as("the confirmation's own revision").isFalse();
	}

	private Booking insert() {
		UUID id = UUID.randomUUID();
		Instant start = Instant.parse("2030-05-07T10:00:00Z").plus(Duration.ofDays(DAY.getAndIncrement()));
		return bookings.insert(id,
				new NewBooking("Ann Example", "ann+" + id + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(1000, Duration.ofDays(7)), NOW, ChangeSource.CUSTOMER);
	}

	private static BookingMessage message(Booking booking, long revision, MessageKind kind) {
		return new BookingMessage(booking.id(), revision, kind, Delivery.SENDING, List.of(booking.email()), "Subject",
				"Text", "<p>Html</p>", (int) revision - 1, NOW, null);
	}

}
