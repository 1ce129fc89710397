package com.acme.booking.security;

import java.io.IOException;
import java.net.URI;

import com.acme.booking.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers a request its path's rule refused with the problem of the contract, whether the
 * caller was anonymous or authenticated for something else: 404 {@code not-found} for a
 * booking (its existence is not revealed) and for the rest of {@code /api}, 401
 * {@code unauthorized} for the admin endpoints and the operations endpoints.
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final RequestMatcher BOOKINGS = PathPatternRequestMatcher.withDefaults().matcher("/api/bookings/**");

	private static final RequestMatcher ADMIN = PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**");

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		refuse(request, response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		refuse(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem;
		if (BOOKINGS.matches(request)) {
			problem = Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Booking not found",
					"No booking with this id, or the token does not match");
		}
		else if (API.matches(request) && !ADMIN.matches(request)) {
			problem = Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
					"There is nothing at " + request.getRequestURI());
		}
		else {
			problem = Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
					"A valid " + AdminKey.HEADER + " header is required");
		}
		problem.setInstance(URI.create(request.getRequestURI()));
		Problems.write(request, response, problem);
	}

}
