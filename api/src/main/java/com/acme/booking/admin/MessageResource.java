package com.acme.booking.admin;

import java.time.Instant;
import java.util.List;

import com.acme.booking.message.BookingMessage;
import com.acme.booking.message.Delivery;
import com.acme.booking.message.MessageKind;

/**
 * An email of a booking as operators see it ({@code GET
 * /api/admin/bookings/{id}/messages}).
 *
 * @param kind {@code CONFIRMATION}, {@code UPDATE}, {@code CANCELLATION} or
 * {@code REMINDER}
 * @param revision the booking revision it describes
 * @param delivery {@code SENT}; {@code RECORDED} (mail disabled); {@code SENDING} (handed
 * to SMTP, answer not known: never sent again); {@code FAILED} (not sent, retried)
 * @param sentAt when the SMTP server took it, or (mail disabled) when it was recorded
 * @param text the plain-text part
 * @param icsSequence the {@code SEQUENCE} of the attached calendar file
 */
record MessageResource(MessageKind kind, long revision, Delivery delivery, String subject, List<String> recipients,
		Instant recordedAt, Instant sentAt, String text, int icsSequence) {

	static MessageResource of(BookingMessage m) {
		return new MessageResource(m.kind(), m.revision(), m.delivery(), m.subject(), m.recipients(), m.recordedAt(),
				m.sentAt(), m.text(), m.icsSequence());
	}

}
