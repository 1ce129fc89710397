package com.acme.booking.availability;

/**
 * The requested time overlaps a booking or a calendar busy period, buffer included (409
 * {@code slot-unavailable}).
 */
public class SlotUnavailable extends RuntimeException {

	public SlotUnavailable(String reason) {
		super(reason);
	}

}
