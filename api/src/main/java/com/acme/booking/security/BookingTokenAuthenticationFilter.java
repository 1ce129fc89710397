package com.acme.booking.security;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import com.acme.booking.token.ManageTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a customer by {@code X-Booking-Token}: the manage token of the booking
 * the request is about ({@link BookingTarget}), and for that booking only. A token for
 * another booking, or a wrong one, authenticates nobody. An operator already
 * authenticated by the admin key needs no token.
 */
final class BookingTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Booking-Token";

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final ManageTokens tokens;

	BookingTokenAuthenticationFilter(ManageTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HEADER) == null || contexts.getContext().getAuthentication() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<UUID> booking = BookingTarget.of(request);
		if (booking.isPresent() && tokens.matches(booking.get(), request.getHeader(HEADER))) {
			SecurityContext context = contexts.createEmptyContext();
			context.setAuthentication(new BookingHolderAuthentication(booking.get()));
			contexts.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
