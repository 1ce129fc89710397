package com.acme.booking.core;

/**
 * Lifecycle of a booking. A cancelled booking stays in the table and never blocks a slot.
 */
public enum BookingStatus {

	CONFIRMED, CANCELLED

}
