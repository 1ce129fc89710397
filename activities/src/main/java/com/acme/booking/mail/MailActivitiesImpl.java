package com.acme.booking.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.message.BookingMessage;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.message.Delivery;
import com.acme.booking.message.MessageClaim;
import com.acme.booking.message.MessageKind;
import com.acme.booking.sync.SyncSupport;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.MailActivities;
import com.acme.booking.workflow.SyncResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The customer's emails. Every message is claimed in PostgreSQL under (booking, revision,
 * kind), a reminder under (booking, appointment time), before SMTP is called, and carries
 * a {@code Message-ID} made of the same. A message the SMTP server accepted is never sent
 * again. One that certainly did not leave, or whose outcome is unknown (the answer was
 * lost once its content was handed over), is sent again by the next attempt with the same
 * {@code Message-ID}: a customer can get a message twice only when the server took it and
 * its answer was lost, and no email is dropped without a flag. Logs carry the booking id,
 * never an address.
 * <p>
 * A hold the customer has not confirmed gets its verification email, once however often
 * it is changed, and nothing else: the confirmation follows once it is confirmed, and a
 * hold that ends unconfirmed is never mentioned again.
 */
@Component
@ActivityImpl(taskQueues = BookingTemporal.TASK_QUEUE)
class MailActivitiesImpl implements MailActivities {

	private static final Logger log = LoggerFactory.getLogger(MailActivitiesImpl.class);

	private final BookingRepository bookings;

	private final BookingMessages messages;

	private final MessageComposer composer;

	private final MailProperties properties;

	private final SmtpDelivery smtp;

	private final Clock clock;

	MailActivitiesImpl(BookingRepository bookings, BookingMessages messages, MessageComposer composer,
			MailProperties properties, ObjectProvider<SmtpDelivery> smtp, Clock clock) {
		this.bookings = bookings;
		this.messages = messages;
		this.composer = composer;
		this.properties = properties;
		this.smtp = smtp.getIfAvailable();
		this.clock = clock;
	}

	@Override
	public SyncResult sendBookingMail(String bookingId) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		if (!workflowNow().isBefore(booking.endTime())) {
			// A workflow started late (a reconciler after an outage, an upgrade): no
			// email about a past appointment.
			log.info("Email of booking {} revision {} skipped: the appointment is over", bookingId, booking.revision());
			return SyncResult.disabled(booking.revision());
		}
		if (booking.unconfirmedHold()) {
			if (booking.isPendingVerification()) {
				MessageClaim claim = claim();
				if (messages.sendingElsewhere(booking.id(), MessageKind.VERIFICATION, claim)) {
					// Its outcome is not known yet: this attempt must not record the
					// email
					// as handled.
					throw inProgress();
				}
				if (!messages.handled(booking.id(), MessageKind.VERIFICATION, claim)) {
					deliver(booking, MessageKind.VERIFICATION);
				}
			}
			return result(booking);
		}
		MessageKind kind = booking.isCancelled() ? MessageKind.CANCELLATION
				: messages.confirmedBefore(booking.id(), booking.revision()) ? MessageKind.UPDATE
						: MessageKind.CONFIRMATION;
		deliver(booking, kind);
		return result(booking);
	}

	private SyncResult result(Booking booking) {
		return properties.enabled() ? SyncResult.synced(booking.revision(), null)
				: SyncResult.disabled(booking.revision());
	}

	@Override
	public void sendReminder(String bookingId, long startEpochMillis) {
		Booking booking = SyncSupport.load(bookings, bookingId);
		String skipped = reminderSkipped(booking, startEpochMillis);
		if (skipped != null) {
			log.info("Reminder of booking {} skipped: {}", bookingId, skipped);
			return;
		}
		deliver(booking, MessageKind.REMINDER);
	}

	/**
	 * Why the reminder of the appointment at {@code startEpochMillis} is no longer sent;
	 * null when it is. Judged by the appointment's time, not by when the reminder was
	 * due: a changed {@code reminder-before} does not make a planned reminder "moved".
	 */
	private String reminderSkipped(Booking booking, long startEpochMillis) {
		if (!properties.reminders()) {
			return "reminders are off";
		}
		if (booking.isCancelled()) {
			return "cancelled";
		}
		if (booking.startTime().toEpochMilli() != startEpochMillis) {
			return "rescheduled";
		}
		return workflowNow().isBefore(booking.startTime()) ? null : "the appointment has started";
	}

	/**
	 * When Temporal scheduled this attempt: the workflow's time, not this machine's
	 * clock.
	 */
	private static Instant workflowNow() {
		return Instant.ofEpochMilli(Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp());
	}

	/**
	 * This attempt's claim: the activity execution (the same for all its attempts), the
	 * attempt, and how long an attempt can run (Temporal's start-to-close timeout of the
	 * mail activities, which covers JavaMail's own timeouts).
	 */
	private static MessageClaim claim() {
		ActivityInfo info = Activity.getExecutionContext().getInfo();
		return new MessageClaim(info.getWorkflowId() + "/" + info.getRunId() + "/" + info.getActivityId(),
				info.getAttempt(), info.getStartToCloseTimeout());
	}

	/**
	 * The name of the message in its {@code Message-ID}: the same for every attempt to
	 * send it. A reminder is named by its appointment time, not the revision: a detail
	 * edit does not make it another message.
	 */
	static String messageKey(Booking booking, MessageKind kind) {
		String of = kind == MessageKind.REMINDER ? "at" + booking.startTime().getEpochSecond()
				: String.valueOf(booking.revision());
		return "booking-" + booking.id() + "." + of + "." + kind.name().toLowerCase(Locale.ROOT);
	}

	private void deliver(Booking booking, MessageKind kind) {
		MessageComposer.Composed mail = composer.compose(booking, kind);
		Instant now = clock.instant();
		boolean send = properties.enabled();
		BookingMessage message = new BookingMessage(booking.id(), booking.revision(), kind,
				send ? Delivery.SENDING : Delivery.RECORDED, List.of(booking.email()), mail.subject(), mail.keptText(),
				mail.keptHtml(), mail.sequence(), now, send ? null : now,
				kind == MessageKind.REMINDER ? booking.startTime() : null);
		MessageClaim claim = claim();
		if (!messages.claim(message, claim)) {
			if (messages.delivery(message).orElse(null) == Delivery.SENDING) {
				// Another attempt (another run's, say) is sending it now: this one tries
				// again later, and takes it over if that attempt leaves it unsent.
				throw inProgress();
			}
			log.info("{} email of booking {} revision {} already handled; not sent again", kind, booking.id(),
					booking.revision());
			return;
		}
		if (!send) {
			log.info("{} email of booking {} revision {} recorded (booking.mail.enabled=false)", kind, booking.id(),
					booking.revision());
			return;
		}
		try {
			smtp.send(mail.outgoing(booking, messageKey(booking, kind)));
		}
		catch (SmtpDelivery.Failed failed) {
			throw failure(booking, kind, claim, failed);
		}
		messages.markSent(booking.id(), booking.revision(), kind, clock.instant());
		log.info("{} email of booking {} revision {} sent", kind, booking.id(), booking.revision());
	}

	/** Another attempt (another run's, say) is sending the email: retried later. */
	private static RuntimeException inProgress() {
		SyncSupport.reportCancellationIfRequested();
		return ApplicationFailure.newFailure("Another attempt is sending the email", "MailInProgress");
	}

	private RuntimeException failure(Booking booking, MessageKind kind, MessageClaim claim,
			SmtpDelivery.Failed failed) {
		UUID id = booking.id();
		// The SMTP exception stays in this log (it can quote the address); Temporal gets
		// the reason only.
		log.warn("{} email of booking {} revision {} failed: {}", kind, id, booking.revision(), failed.getMessage(),
				failed.getCause());
		if (failed.certainlyNotSent) {
			messages.markFailed(id, booking.revision(), kind, claim);
		}
		else {
			// The next attempt sends it again, with the same Message-ID.
			messages.release(id, booking.revision(), kind, claim);
		}
		if (failed.permanent) {
			return ApplicationFailure.newNonRetryableFailure(failed.getMessage(), "MailRefused");
		}
		SyncSupport.reportCancellationIfRequested();
		return ApplicationFailure.newFailure(failed.getMessage(),
				failed.certainlyNotSent ? "MailUnavailable" : "MailOutcomeUnknown");
	}

}
