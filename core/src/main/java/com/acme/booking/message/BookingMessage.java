package com.acme.booking.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One email for a booking, as kept in {@code booking_message}: at most one per (booking,
 * revision, kind), and one reminder per (booking, appointment time).
 *
 * @param revision the booking revision the message describes
 * @param icsSequence the {@code SEQUENCE} of the attached calendar file
 * @param recordedAt when the message was rendered and claimed
 * @param sentAt when the SMTP server accepted it, or (mail disabled) when it was
 * recorded; null until then
 * @param appointmentStart for a reminder, the appointment time it reminds of: its key, so
 * that a detail edit does not make it another message; null for the other kinds
 */
public record BookingMessage(UUID bookingId, long revision, MessageKind kind, Delivery delivery,
		List<String> recipients, String subject, String text, String html, int icsSequence, Instant recordedAt,
		Instant sentAt, Instant appointmentStart) {

	/** A message keyed by its revision (every kind but the reminder). */
	public BookingMessage(UUID bookingId, long revision, MessageKind kind, Delivery delivery, List<String> recipients,
			String subject, String text, String html, int icsSequence, Instant recordedAt, Instant sentAt) {
		this(bookingId, revision, kind, delivery, recipients, subject, text, html, icsSequence, recordedAt, sentAt,
				null);
	}

}
