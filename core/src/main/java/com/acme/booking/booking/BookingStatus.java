package com.acme.booking.booking;

/** Lifecycle of a booking. A cancelled booking stays in the table and never blocks a slot. */
public enum BookingStatus {
	CONFIRMED, CANCELLED
}
