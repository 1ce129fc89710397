package com.acme.booking.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problem types of API.md, defined once. */
public final class Problems {

	public static final String BASE = "https://booking.example.com/problems/";

	public static final String VALIDATION_FAILED = "validation-failed";

	public static final String NOT_FOUND = "not-found";

	public static final String SLOT_UNAVAILABLE = "slot-unavailable";

	public static final String SLOT_NOT_OFFERED = "slot-not-offered";

	public static final String FREQUENCY_LIMIT_EXCEEDED = "frequency-limit-exceeded";

	public static final String RATE_LIMITED = "rate-limited";

	public static final String UNAUTHORIZED = "unauthorized";

	private Problems() {
	}

	/** A problem of one of the types above, with a human-readable title and detail. */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
