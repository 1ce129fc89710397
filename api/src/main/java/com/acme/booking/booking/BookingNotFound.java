package com.acme.booking.booking;

import java.util.UUID;

/**
 * No such booking (404). A caller who may not see a booking is refused with the same 404
 * before reaching a controller, so existence is not revealed.
 */
public class BookingNotFound extends RuntimeException {

	public BookingNotFound() {
		super("No booking with this id");
	}

	/**
	 * A booking id from a URL; a malformed one is "not found" like any other unknown id.
	 */
	public static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new BookingNotFound();
		}
	}

}
