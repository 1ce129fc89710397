package com.acme.booking.security;

import com.acme.booking.core.ChangeSource;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who the current request acts for, as a booking's history records it. */
public final class Callers {

	private Callers() {
	}

	/**
	 * {@link ChangeSource#OPERATOR} for a request with the admin key, else
	 * {@link ChangeSource#CUSTOMER} (the manage token, or anyone booking).
	 */
	public static ChangeSource current() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return caller instanceof OperatorAuthentication ? ChangeSource.OPERATOR : ChangeSource.CUSTOMER;
	}

}
