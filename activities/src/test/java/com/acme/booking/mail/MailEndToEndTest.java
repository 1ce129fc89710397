package com.acme.booking.mail;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import biweekly.component.VEvent;
import com.acme.activitiestest.ActivitiesTestApplication;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingChange;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.message.Delivery;
import com.acme.booking.message.MessageKind;
import com.acme.booking.support.BookingRuns;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking workflow with the real mail activities against a real SMTP server
 * (GreenMail) on a random port, on the in-process Temporal server whose clock the tests
 * skip ahead for the reminder. Booking times are taken from that clock, so skipping in
 * one test does not put another's appointments in the past.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class,
		properties = { "booking.mail.enabled=true", "booking.mail.from=Acme Consulting <bookings@acme.example>",
				"booking.business.name=Acme Consulting", "booking.business.email=hello@acme.example",
				"booking.business.phone=+44 20 7946 0000", "booking.public-url=https://book.acme.example",
				"booking.mail.reminder-before=24h", "spring.mail.host=127.0.0.1",
				// Covers JavaMail's timeouts (application.yml): 2s + 12 x 2s.
				"booking.sync.attempt-timeout=1m",
				// As in the API and the worker: no SMTP call per health request.
				"management.health.mail.enabled=false" })
@Import(SmtpFaults.class)
class MailEndToEndTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final AtomicInteger DAY = new AtomicInteger(3);

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingMessages messages;

	@Autowired
	WorkflowClient temporal;

	@Autowired
	TestWorkflowEnvironment env;

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
	void createRescheduleAndCancelSendThreeMailsWithOneUidAndAGrowingSequenceAndNoReminderAfterTheCancel() {
		Booking booking = newBooking("Grace Hopper");
		start(booking);
		awaitMails(booking, 1);

		Instant moved = booking.startTime().plus(Duration.ofHours(2));
		bookings.update(booking.id(),
				new BookingChange(moved, moved.plus(Duration.ofMinutes(30)), null, null, null, null),
				Duration.ofMinutes(15), now(), ChangeSource.CUSTOMER);
		workflow(booking).bookingChanged();
		awaitMails(booking, 2);
		bookings.cancel(booking.id(), now(), ChangeSource.CUSTOMER);
		workflow(booking).bookingChanged();
		awaitMails(booking, 3);

		env.sleep(Duration.between(now(), booking.startTime()).plusHours(1));
		List<Mailbox.Received> mails = mailbox.to(booking.email());
		assertThat(mails).extracting(Mailbox.Received::subject)
			.satisfiesExactly(s -> assertThat(s).startsWith("Booking confirmed: "),
					s -> assertThat(s).startsWith("Booking changed: "),
					s -> assertThat(s).startsWith("Booking cancelled: "));
		assertThat(mails).extracting(m -> m.ics().getMethod().getValue())
			.containsExactly("REQUEST", "REQUEST", "CANCEL");
		assertThat(mails).extracting(m -> m.ics().getEvents().get(0).getUid().getValue())
			.containsOnly(booking.id().toString());
		assertThat(mails).extracting(m -> m.ics().getEvents().get(0).getSequence().getValue()).containsExactly(0, 1, 2);
		VEvent rescheduled = mails.get(1).ics().getEvents().get(0);
		assertThat(rescheduled.getDateStart().getValue().toInstant()).isEqualTo(moved);
		assertThat(rescheduled.getDateEnd().getValue().toInstant()).isEqualTo(moved.plus(Duration.ofMinutes(30)));
		assertThat(messages.forBooking(booking.id())).extracting(m -> m.kind(), m -> m.delivery())
			.containsExactly(Tuple.tuple(MessageKind.CONFIRMATION, Delivery.SENT),
					Tuple.tuple(MessageKind.UPDATE, Delivery.SENT),
					Tuple.tuple(MessageKind.CANCELLATION, Delivery.SENT));
	}

	@Test
	void theConfirmationOnADstChangeDayHasBothPartsTheTimesTheBusinessTheManageLinkAndTheCalendarFile() {
		// The next day New York's clocks change, a few hours after the change.
		ZoneOffsetTransition change = NEW_YORK.getRules().nextTransition(now().plus(Duration.ofDays(2)));
		Instant appointment = change.getInstant().plus(Duration.ofHours(4));
		Booking booking = newBooking("Ada <b>Lovelace</b> & Co", appointment);
		start(booking);
		Mailbox.Received mail = awaitMails(booking, 1).get(0);

		LocalDateTime local = LocalDateTime.ofInstant(appointment, change.getOffsetAfter());
		String abbreviation = change.isGap() ? "EDT" : "EST";
		assertThat(mail.text())
			.contains("When: " + local.format(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH))
					+ "–" + local.plusMinutes(30).format(DateTimeFormatter.ofPattern("HH:mm")) + " " + abbreviation
					+ " (America/New_York)");

		assertThat(mail.from()).contains("bookings@acme.example");
		assertThat(mail.to()).contains(booking.email());
		String manageUrl = "https://book.acme.example/manage.html?id=" + booking.id() + "#token=";
		assertThat(mail.text()).contains("Hello Ada <b>Lovelace</b> & Co,", "is confirmed", manageUrl,
				"Our time: " + MessageView.when(booking, ZoneId.of("Europe/London")), "Acme Consulting",
				"hello@acme.example", "+44 20 7946 0000", "booking.ics");
		assertThat(mail.html()).contains("Ada &lt;b&gt;Lovelace&lt;/b&gt; &amp; Co", "href=\"" + manageUrl)
			.doesNotContain("<b>Lovelace</b>");
		assertThat(mail.icsContentType()).contains("text/calendar").contains("method=request");
		VEvent event = mail.ics().getEvents().get(0);
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(appointment);
		assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(appointment.plus(Duration.ofMinutes(30)));
		assertThat(event.getOrganizer().getEmail()).isEqualTo("hello@acme.example");
		assertThat(event.getAttendees()).singleElement()
			.satisfies(a -> assertThat(a.getEmail()).isEqualTo(booking.email()));
	}

	@Test
	void anAttemptWhoseAnswerWasLostAfterTheServerTookTheMailIsSentAgainWithTheSameMessageId() {
		Booking booking = newBooking("Katherine Johnson");
		int before = SmtpFaults.handedOver.get();
		SmtpFaults.loseNextAnswer.set(true);
		start(booking);

		Booking synced = awaitBooking(booking, b -> b.sync(Integration.MAIL).syncedRevision() == 1);
		assertThat(synced.sync(Integration.MAIL).manual()).isFalse();
		// The one duplicate the promise allows: the server took the message and its
		// answer was lost. Both copies are one message to a mail client.
		assertThat(mailbox.to(booking.email())).hasSize(2)
			.extracting(Mailbox.Received::messageId)
			.containsOnly(messageId(booking, MessageKind.CONFIRMATION));
		assertThat(SmtpFaults.handedOver.get() - before).isEqualTo(2);
		assertThat(messages.forBooking(booking.id())).singleElement()
			.satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.SENT));
	}

	@Test
	void aRelayThatNeverGreetsDelaysTheConfirmationButDoesNotLoseIt() throws Exception {
		Booking booking = newBooking("Annie Easley");
		try (SmtpRelay relay = new SmtpRelay(smtp.getSmtp().getPort()).then(SmtpRelay.Fault.NEVER_GREETS)) {
			SmtpFaults.pointAt(sender, relay.port());
			start(booking);

			Booking synced = awaitBooking(booking, b -> b.sync(Integration.MAIL).syncedRevision() == 1);
			assertThat(synced.sync(Integration.MAIL).manual()).isFalse();
			assertThat(relay.connections.get()).as("the hung attempt and its retry").isGreaterThanOrEqualTo(2);
		}
		assertThat(mailbox.to(booking.email())).singleElement()
			.satisfies(m -> assertThat(m.subject()).startsWith("Booking confirmed: "))
			.satisfies(m -> assertThat(m.messageId()).isEqualTo(messageId(booking, MessageKind.CONFIRMATION)));
		assertThat(messages.forBooking(booking.id())).singleElement()
			.satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.SENT));
	}

	@Test
	void aMailWhoseAnswerWasLostIsSentAgainWithTheSameMessageIdAndDeliveredOnce() throws Exception {
		Booking booking = newBooking("Christine Darden");
		try (SmtpRelay relay = new SmtpRelay(smtp.getSmtp().getPort()).then(SmtpRelay.Fault.LOSES_THE_ANSWER)) {
			SmtpFaults.pointAt(sender, relay.port());
			start(booking);

			Booking synced = awaitBooking(booking, b -> b.sync(Integration.MAIL).syncedRevision() == 1);
			assertThat(synced.sync(Integration.MAIL).manual()).isFalse();
			assertThat(relay.connections.get()).as("the lost answer and the retry").isGreaterThanOrEqualTo(2);
		}
		assertThat(mailbox.to(booking.email())).singleElement()
			.satisfies(m -> assertThat(m.messageId()).isEqualTo(messageId(booking, MessageKind.CONFIRMATION)));
		assertThat(messages.forBooking(booking.id())).singleElement()
			.satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.SENT));
	}

	@Test
	void aSentMailIsNeverSentAgain() {
		Booking booking = newBooking("Evelyn Boyd Granville");
		start(booking);
		awaitMails(booking, 1);
		awaitBooking(booking, b -> b.sync(Integration.MAIL).syncedRevision() == 1);
		int before = SmtpFaults.handedOver.get();

		// Due again at the same revision: the lane runs once more and finds it sent.
		workflow(booking).bookingChanged();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> completedMailAttempts(booking) >= 2);

		assertThat(SmtpFaults.handedOver.get()).isEqualTo(before);
		assertThat(mailbox.to(booking.email())).hasSize(1);
		assertThat(messages.forBooking(booking.id())).singleElement()
			.satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.SENT));
	}

	private long completedMailAttempts(Booking booking) {
		var history = temporal.fetchHistory(BookingTemporal.workflowId(booking.id().toString())).getHistory();
		var scheduled = history.getEventsList()
			.stream()
			.filter(e -> e.hasActivityTaskScheduledEventAttributes() && e.getActivityTaskScheduledEventAttributes()
				.getActivityType()
				.getName()
				.equals("SendBookingMail"))
			.map(e -> e.getEventId())
			.toList();
		return history.getEventsList()
			.stream()
			.filter(e -> e.hasActivityTaskCompletedEventAttributes()
					&& scheduled.contains(e.getActivityTaskCompletedEventAttributes().getScheduledEventId()))
			.count();
	}

	private static String messageId(Booking booking, MessageKind kind) {
		return "<booking-" + booking.id() + ".1." + kind.name().toLowerCase(Locale.ROOT) + "@acme.example>";
	}

	@Test
	void anSmtpOutageFlagsTheBookingAndAnOperatorRetrySendsTheMailOnce() throws Exception {
		Booking booking = newBooking("Dorothy Vaughan");
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SmtpFaults.pointAt(sender, closedPort);
		start(booking);

		Booking flagged = awaitBooking(booking, b -> b.sync(Integration.MAIL).manual());
		assertThat(flagged.sync(Integration.MAIL).error()).contains("cannot be reached");
		assertThat(messages.forBooking(booking.id())).singleElement()
			.satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.FAILED));

		SmtpFaults.pointAt(sender, smtp.getSmtp().getPort());
		bookings.clearManualSync(booking.id(), EnumSet.allOf(Integration.class));
		workflow(booking).retrySync();
		awaitBooking(booking, b -> b.sync(Integration.MAIL).synced() && !b.sync(Integration.MAIL).manual());
		assertThat(mailbox.to(booking.email())).singleElement()
			.satisfies(m -> assertThat(m.subject()).startsWith("Booking confirmed: "));
	}

	@Test
	void theReminderGoesOutReminderBeforeTheAppointment() {
		Booking booking = newBooking("Mary Jackson");
		start(booking);
		awaitMails(booking, 1);
		Instant reminderAt = booking.startTime().minus(Duration.ofHours(24));

		env.sleep(Duration.between(now(), reminderAt).minusMinutes(1));
		assertThat(mailbox.to(booking.email())).hasSize(1);
		env.sleep(Duration.ofMinutes(2));
		List<Mailbox.Received> mails = awaitMails(booking, 2);

		assertThat(mails.get(1).subject()).startsWith("Reminder: ");
		assertThat(mails.get(1).text()).contains("this is a reminder");
		assertThat(mails.get(1).ics().getEvents().get(0).getUid().getValue()).isEqualTo(booking.id().toString());
	}

	private Instant now() {
		return Instant.ofEpochMilli(env.currentTimeMillis());
	}

	private Booking newBooking(String name) {
		return newBooking(name,
				now().truncatedTo(ChronoUnit.DAYS)
					.plus(Duration.ofDays(DAY.getAndIncrement()))
					.plus(Duration.ofHours(14)));
	}

	private Booking newBooking(String name, Instant start) {
		UUID id = UUID.randomUUID();
		return bookings.insert(id,
				new NewBooking(name, "customer+" + id + "@example.com", null, null, null, start,
						start.plus(Duration.ofMinutes(30)), "America/New_York"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), now(), ChangeSource.CUSTOMER);
	}

	private void start(Booking booking) {
		BookingRuns.start(temporal, booking);
	}

	private BookingWorkflow workflow(Booking booking) {
		return BookingRuns.of(temporal, booking);
	}

	private List<Mailbox.Received> awaitMails(Booking booking, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> mailbox.to(booking.email()), mails -> mails.size() >= count);
	}

	private Booking awaitBooking(Booking booking, Predicate<Booking> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> bookings.findById(booking.id()).orElseThrow(), condition::test);
	}

}
