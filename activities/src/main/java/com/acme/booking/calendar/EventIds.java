package com.acme.booking.calendar;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

import com.google.common.io.BaseEncoding;

/**
 * The Google event id of a booking. Google lets the client choose it (base32hex
 * characters {@code a-v0-9}, 5 to 1024 long), which makes creation idempotent: a second
 * insert of the same booking is refused with 409 {@code duplicate} instead of making a
 * second event. Ids of deleted events stay taken, so a booking always keeps its one id.
 */
final class EventIds {

	private static final BaseEncoding BASE32_HEX = BaseEncoding.base32Hex().lowerCase().omitPadding();

	private EventIds() {
	}

	/** 26 characters: the booking's 128 bits in lower-case base32hex. */
	static String forBooking(UUID bookingId) {
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(bookingId.getMostSignificantBits()).putLong(bookingId.getLeastSignificantBits());
		return BASE32_HEX.encode(bytes.array());
	}

	/**
	 * The booking whose event id {@code eventId} would be; empty for an id that cannot be
	 * one. Google's own ids have the same form, so only PostgreSQL can tell whether the
	 * booking exists.
	 */
	static Optional<UUID> bookingOf(String eventId) {
		if (eventId == null || eventId.length() != 26 || !BASE32_HEX.canDecode(eventId)) {
			return Optional.empty();
		}
		ByteBuffer bytes = ByteBuffer.wrap(BASE32_HEX.decode(eventId));
		UUID bookingId = new UUID(bytes.getLong(), bytes.getLong());
		return forBooking(bookingId).equals(eventId) ? Optional.of(bookingId) : Optional.empty();
	}

}
