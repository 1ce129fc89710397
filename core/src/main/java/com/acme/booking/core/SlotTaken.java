package com.acme.booking.core;

/**
 * PostgreSQL refused the booking because its time, buffer included, overlaps another
 * confirmed booking.
 */
public class SlotTaken extends RuntimeException {

	public SlotTaken() {
		super("The slot overlaps another booking");
	}

}
