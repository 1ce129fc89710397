package com.acme.booking.core;

/**
 * Who made a change of a booking, as its history records it ({@code GET
 * /api/admin/bookings/{id}/history}).
 */
public enum ChangeSource {

	/** The customer, on the booking page or over the API with the manage token. */
	CUSTOMER,

	/** An operator, with the admin key. */
	OPERATOR,

	/**
	 * The business's owner, by moving or deleting the booking's event in Google Calendar.
	 */
	CALENDAR_OWNER,

	/** The service itself: an unconfirmed hold's expiry, a repair. */
	SERVICE

}
