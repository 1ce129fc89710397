package com.acme.booking.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One email for a booking, as kept in {@code booking_message}: at most one per (booking,
 * revision, kind).
 *
 * @param revision the booking revision the message describes
 * @param icsSequence the {@code SEQUENCE} of the attached calendar file
 * @param recordedAt when the message was rendered and claimed
 * @param sentAt when the SMTP server accepted it, or (mail disabled) when it was
 * recorded; null until then
 */
public record BookingMessage(UUID bookingId, long revision, MessageKind kind, Delivery delivery,
		List<String> recipients, String subject, String text, String html, int icsSequence, Instant recordedAt,
		Instant sentAt) {
}
