package com.acme.booking.web;

import java.time.Duration;

/** Too many requests from one client (429 {@code rate-limited}, with {@code Retry-After}). */
public class RateLimited extends RuntimeException {

	private final Duration retryAfter;

	public RateLimited(Duration retryAfter) {
		super("Too many requests; retry after " + Math.max(1, retryAfter.toSeconds()) + " seconds");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
