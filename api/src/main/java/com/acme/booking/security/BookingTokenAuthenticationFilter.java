package com.acme.booking.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a customer by {@code X-Booking-Token}: the current manage token of the
 * booking the request is about ({@link BookingTarget}), and for that booking only, before
 * the link's end of life ({@link ManageLinks#opens}). A token for another booking, a
 * wrong, revoked or expired one authenticates nobody. An operator already authenticated
 * by the admin key needs no token, and no request without a token reads the booking.
 */
final class BookingTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Booking-Token";

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final BookingRepository bookings;

	private final ManageLinks links;

	private final Clock clock;

	BookingTokenAuthenticationFilter(BookingRepository bookings, ManageLinks links, Clock clock) {
		this.bookings = bookings;
		this.links = links;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HEADER) == null || contexts.getContext().getAuthentication() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<UUID> booking = BookingTarget.of(request);
		// The token covers the link's version, and its end of life follows the
		// appointment: both are on the row.
		String token = request.getHeader(HEADER);
		boolean opens;
		try {
			opens = booking.isPresent() && bookings.findById(booking.get())
				.filter(found -> links.opens(found, token, clock.instant()))
				.isPresent();
		}
		catch (DataAccessException ex) {
			// The token cannot be checked: the same answer as any request the database
			// refuses, never a 404 that would tell the customer the booking is gone.
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Problems.DATABASE_RETRY_AFTER_SECONDS));
			Problems.write(request, response, Problems.databaseDown());
			return;
		}
		if (opens) {
			SecurityContext context = contexts.createEmptyContext();
			context.setAuthentication(new BookingHolderAuthentication(booking.get()));
			contexts.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
