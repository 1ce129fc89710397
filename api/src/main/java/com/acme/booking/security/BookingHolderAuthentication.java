package com.acme.booking.security;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request that carried the manage token of the booking it is about: that booking's
 * customer, and only for that booking.
 */
final class BookingHolderAuthentication extends AbstractAuthenticationToken {

	private final UUID bookingId;

	BookingHolderAuthentication(UUID bookingId) {
		super(List.of());
		this.bookingId = bookingId;
		setAuthenticated(true);
	}

	UUID bookingId() {
		return bookingId;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return "holder of booking " + bookingId;
	}

}
