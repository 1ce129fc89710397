package com.acme.booking.core;

/**
 * Lifecycle of a booking. A cancelled booking stays in the table and never blocks a slot;
 * a booking held for email verification blocks its slot like a confirmed one.
 */
public enum BookingStatus {

	/**
	 * Held until the customer opens the link of the verification email
	 * ({@code booking.rules.verify-email}); nothing reaches the calendar or the CRM
	 * before. Becomes {@link #CONFIRMED}, or {@link #CANCELLED} when the hold expires.
	 */
	PENDING_VERIFICATION,

	CONFIRMED,

	CANCELLED

}
