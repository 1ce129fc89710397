package com.acme.booking.availability;

/** The requested time is not one the rules offer (422 {@code slot-not-offered}). */
public class SlotNotOffered extends RuntimeException {

	public SlotNotOffered(String reason) {
		super(reason);
	}

}
