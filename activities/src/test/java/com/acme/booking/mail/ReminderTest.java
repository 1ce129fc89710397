package com.acme.booking.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.acme.activitiestest.ActivitiesTestApplication;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingChange;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.message.BookingMessage;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.message.Delivery;
import com.acme.booking.message.MessageKind;
import com.acme.booking.workflow.BookingSnapshot;
import com.acme.booking.workflow.BookingStateActivities;
import com.acme.booking.workflow.MailActivities;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reminder as a fact of PostgreSQL: what the workflow's snapshot plans, and the
 * reminder activity against a real SMTP server (GreenMail). Appointments are days ahead
 * of the real clock, which Temporal's test activity environment schedules attempts by.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class,
		properties = { "booking.mail.enabled=true", "booking.mail.from=Acme Consulting <bookings@acme.example>",
				"booking.business.name=Acme Consulting", "booking.public-url=https://book.acme.example",
				"booking.mail.reminder-before=24h", "spring.mail.host=127.0.0.1", "booking.sync.attempt-timeout=1m",
				"management.health.mail.enabled=false" })
@Import(SmtpFaults.class)
class ReminderTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final AtomicInteger DAY = new AtomicInteger(40);

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingMessages messages;

	@Autowired
	BookingStateActivities state;

	@Autowired
	MessageComposer composer;

	@Autowired
	ObjectProvider<SmtpDelivery> delivery;

	@Autowired
	Clock clock;

	@Autowired
	JavaMailSender sender;

	Mailbox mailbox;

	@DynamicPropertySource
	static void pointAtGreenMail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@BeforeEach
	void mailbox() {
		mailbox = new Mailbox(smtp);
		SmtpFaults.pointAt(sender, smtp.getSmtp().getPort());
	}

	@Test
	void theSnapshotPlansAReminderNotSentYetForAnAppointmentBookedFarEnoughAhead() {
		Booking booking = newBooking("Grace Hopper", Instant.now());
		Instant reminderAt = booking.startTime().minus(Duration.ofHours(24));
		BookingSnapshot snapshot = state.load(booking.id().toString());
		assertThat(snapshot.reminderAtEpochMillis()).isEqualTo(reminderAt.toEpochMilli());
		assertThat(snapshot.startEpochMillis()).isEqualTo(booking.startTime().toEpochMilli());

		// A new run after the reminder time still finds it due; a detail edit keeps it.
		edit(booking, "Grace B. Hopper", reminderAt.plus(Duration.ofHours(2)));
		assertThat(state.load(booking.id().toString()).reminderAtEpochMillis()).isEqualTo(reminderAt.toEpochMilli());

		withReminders(Duration.ofHours(24),
				mail -> mail.sendReminder(booking.id().toString(), booking.startTime().toEpochMilli()));
		assertThat(state.load(booking.id().toString()).reminderAtEpochMillis()).as("once sent").isZero();
	}

	@Test
	void anAppointmentBookedOrMovedCloserThanReminderBeforeGetsNone() {
		Instant start = dayAhead();
		Booking late = newBooking("Ada Lovelace", start, start.minus(Duration.ofHours(2)));
		assertThat(state.load(late.id().toString()).reminderAtEpochMillis()).isZero();

		Instant now = Instant.now();
		// Booked days ago, and moved to a few hours from now.
		Booking moved = newBooking("Annie Easley", now.minus(Duration.ofDays(3)));
		Instant soon = now.plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
		bookings.update(moved.id(), new BookingChange(soon, soon.plus(Duration.ofMinutes(30)), null, null, null, null),
				Duration.ofMinutes(15), now, ChangeSource.CUSTOMER);
		assertThat(state.load(moved.id().toString()).reminderAtEpochMillis()).isZero();
	}

	@Test
	void aReminderWhoseAnswerWasLostIsSentAgainWithTheSameMessageIdAfterADetailEdit() {
		Booking booking = newBooking("Katherine Johnson", Instant.now());
		String id = booking.id().toString();
		long start = booking.startTime().toEpochMilli();
		SmtpFaults.loseNextAnswer.set(true);

		withReminders(Duration.ofHours(24), mail -> {
			assertThatThrownBy(() -> mail.sendReminder(id, start)).isInstanceOf(ActivityFailure.class);
			edit(booking, "Katherine G. Johnson", Instant.now());
			mail.sendReminder(id, start);
			mail.sendReminder(id, start);
		});

		// The one duplicate the promise allows (the server took it, its answer was lost):
		// both copies are one message to a mail client.
		List<Mailbox.Received> reminders = mailbox.to(booking.email());
		assertThat(reminders).hasSize(2).allSatisfy(m -> assertThat(m.subject()).startsWith("Reminder: "));
		assertThat(reminders).extracting(Mailbox.Received::messageId)
			.containsOnly("<booking-" + id + ".at" + booking.startTime().getEpochSecond() + ".reminder@acme.example>");
		assertThat(messages.forBooking(booking.id())).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(MessageKind.REMINDER);
			assertThat(m.delivery()).isEqualTo(Delivery.SENT);
			assertThat(m.revision()).isEqualTo(2);
			assertThat(m.appointmentStart()).isEqualTo(booking.startTime());
		});
	}

	@Test
	void aChangedReminderBeforeDoesNotSkipAReminderAlreadyPlanned() {
		Booking booking = newBooking("Mary Jackson", Instant.now());
		// Planned under 24h; the worker now runs with 2h.
		BookingSnapshot planned = state.load(booking.id().toString());

		withReminders(Duration.ofHours(2),
				mail -> mail.sendReminder(booking.id().toString(), planned.startEpochMillis()));

		assertThat(mailbox.to(booking.email())).singleElement()
			.satisfies(m -> assertThat(m.subject()).startsWith("Reminder: "));
		assertThat(messages.forBooking(booking.id())).extracting(BookingMessage::delivery)
			.containsExactly(Delivery.SENT);
	}

	/**
	 * The reminder activity with {@code booking.mail.reminder-before} set to
	 * {@code reminderBefore}, one attempt per call.
	 */
	private void withReminders(Duration reminderBefore, Consumer<MailActivities> calls) {
		MailActivitiesImpl activities = new MailActivitiesImpl(bookings, messages, composer,
				new MailProperties(true, "Acme Consulting <bookings@acme.example>", reminderBefore), delivery, clock);
		TestActivityEnvironment env = TestActivityEnvironment.newInstance();
		try {
			env.registerActivitiesImplementations(activities);
			calls.accept(env.newActivityStub(MailActivities.class,
					ActivityOptions.newBuilder()
						.setStartToCloseTimeout(Duration.ofMinutes(1))
						.setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
						.build()));
		}
		finally {
			env.close();
		}
	}

	private void edit(Booking booking, String name, Instant now) {
		bookings.update(booking.id(), new BookingChange(null, null, name, null, null, null), Duration.ofMinutes(15),
				now, ChangeSource.CUSTOMER);
	}

	private static Instant dayAhead() {
		return Instant.now()
			.truncatedTo(ChronoUnit.DAYS)
			.plus(Duration.ofDays(DAY.getAndIncrement()))
			.plus(Duration.ofHours(7));
	}

	private Booking newBooking(String name, Instant now) {
		return newBooking(name, dayAhead(), now);
	}

	private Booking newBooking(String name, Instant start, Instant now) {
		UUID id = UUID.randomUUID();
		return bookings.insert(id,
				new NewBooking(name, "customer+" + id + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "America/New_York"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), now, ChangeSource.CUSTOMER);
	}

}
