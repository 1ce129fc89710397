package com.acme.booking.web;

/**
 * A request parameter the service cannot accept (400 {@code validation-failed}, with the
 * field named).
 */
public class InvalidRequest extends RuntimeException {

	private final String field;

	public InvalidRequest(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
