package com.acme.booking.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one booking a request is about, read the same way by the token filter and by the
 * rule that grants access: the {@code {id}} of {@code /api/bookings/{id}/**}, or the
 * single {@code bookingId} of a slot listing for rescheduling.
 */
final class BookingTarget {

	static final RequestMatcher SLOTS = PathPatternRequestMatcher.withDefaults()
		.matcher("/api/bookings/available-slots");

	/** A slot listing as a booking's rescheduling sees it: its token or the admin key. */
	/**
	 * The listing for one booking's move. Only GET reads it; any other method is left to
	 * Spring MVC's 405, as on the public listing.
	 */
	static final RequestMatcher SLOTS_OF_ONE_BOOKING = request -> "GET".equals(request.getMethod())
			&& SLOTS.matches(request) && bookingIds(request) != null;

	static final RequestMatcher ONE_BOOKING = PathPatternRequestMatcher.withDefaults().matcher("/api/bookings/{id}/**");

	private BookingTarget() {
	}

	/** Empty when the request is about no booking, or about one in a malformed way. */
	static Optional<UUID> of(HttpServletRequest request) {
		if (SLOTS.matches(request)) {
			String[] ids = bookingIds(request);
			return ids != null && ids.length == 1 ? parse(ids[0]) : Optional.empty();
		}
		RequestMatcher.MatchResult match = ONE_BOOKING.matcher(request);
		return match.isMatch() ? parse(match.getVariables().get("id")) : Optional.empty();
	}

	/**
	 * Null without a {@code bookingId}, or with a query string that cannot be decoded:
	 * Tomcat refuses such a query on this and on every later read, so the endpoint
	 * answers 400 and nobody reads a booking id from it.
	 */
	private static String[] bookingIds(HttpServletRequest request) {
		try {
			return request.getParameterValues("bookingId");
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private static Optional<UUID> parse(String id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
