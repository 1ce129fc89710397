package com.acme.booking.admin;

/** An admin endpoint without a valid key (401 {@code unauthorized}). */
public class Unauthorized extends RuntimeException {

	public Unauthorized() {
		super("A valid X-Api-Key header is required");
	}

}
