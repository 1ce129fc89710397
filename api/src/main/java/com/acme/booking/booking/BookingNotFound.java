package com.acme.booking.booking;

import java.util.UUID;

/**
 * No such booking, or the caller may not see it (404 either way, so existence is not
 * revealed).
 */
public class BookingNotFound extends RuntimeException {

	public BookingNotFound() {
		super("No booking with this id, or the token does not match");
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
