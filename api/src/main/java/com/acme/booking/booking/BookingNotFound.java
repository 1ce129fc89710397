package com.acme.booking.booking;

/** No such booking, or the caller may not see it (404 either way, so existence is not revealed). */
public class BookingNotFound extends RuntimeException {

	public BookingNotFound() {
		super("No booking with this id, or the token does not match");
	}

}
