package com.acme.booking.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.message.BookingMessage;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.message.Delivery;
import com.acme.booking.message.MessageClaim;
import com.acme.booking.message.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mails a booking's new manage link after an operator revoked the old one. Sent within
 * the operator's request, once, not retried (the operator has the link from the answer
 * too), and recorded like every email with the token masked. A hold the customer has not
 * confirmed gets none: its address is nobody's proven address.
 */
@Component
public class NewManageLinkMail {

	private static final Logger log = LoggerFactory.getLogger(NewManageLinkMail.class);

	private final MessageComposer composer;

	private final BookingMessages messages;

	private final MailProperties properties;

	private final SmtpDelivery smtp;

	private final Clock clock;

	NewManageLinkMail(MessageComposer composer, BookingMessages messages, MailProperties properties,
			ObjectProvider<SmtpDelivery> smtp, Clock clock) {
		this.composer = composer;
		this.messages = messages;
		this.properties = properties;
		this.smtp = smtp.getIfAvailable();
		this.clock = clock;
	}

	/**
	 * Sends (or, mail disabled, records) the email with the booking's current manage
	 * link.
	 * @return where the email stands; null when none is sent (an unconfirmed hold)
	 */
	public Delivery send(Booking booking) {
		if (booking.unconfirmedHold()) {
			log.info("New manage link of booking {} not mailed: the email address is not confirmed", booking.id());
			return null;
		}
		MessageComposer.Composed mail = composer.compose(booking, MessageKind.NEW_LINK);
		Instant now = clock.instant();
		boolean send = properties.enabled();
		// Sent once, never retried: the claim only keeps a later request's row from being
		// overwritten by this one's outcome.
		MessageClaim claim = new MessageClaim("new-link/" + UUID.randomUUID(), 1, Duration.ZERO);
		messages.replace(new BookingMessage(booking.id(), booking.revision(), MessageKind.NEW_LINK,
				send ? Delivery.SENDING : Delivery.RECORDED, List.of(booking.email()), mail.subject(), mail.keptText(),
				mail.keptHtml(), mail.sequence(), now, send ? null : now), claim);
		if (!send) {
			return Delivery.RECORDED;
		}
		try {
			// Every new link is a new message: its own Message-ID.
			smtp.send(mail.outgoing(booking, null));
		}
		catch (SmtpDelivery.Failed failed) {
			log.warn("New manage link of booking {} not mailed: {}", booking.id(), failed.getMessage(),
					failed.getCause());
			if (failed.certainlyNotSent) {
				messages.markFailed(booking.id(), booking.revision(), MessageKind.NEW_LINK, claim);
				return Delivery.FAILED;
			}
			messages.release(booking.id(), booking.revision(), MessageKind.NEW_LINK, claim);
			return Delivery.SENDING;
		}
		messages.markSent(booking.id(), booking.revision(), MessageKind.NEW_LINK, clock.instant());
		log.info("New manage link of booking {} sent", booking.id());
		return Delivery.SENT;
	}

}
