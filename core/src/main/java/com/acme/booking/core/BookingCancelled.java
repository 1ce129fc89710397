package com.acme.booking.core;

/**
 * A cancelled booking cannot be changed any more (the API answers 409
 * {@code booking-cancelled}).
 */
public class BookingCancelled extends RuntimeException {

	public BookingCancelled() {
		super("The booking is cancelled and can no longer be changed; make a new booking instead");
	}

}
