package com.acme.booking.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.acme.booking.security.AdminKey;
import com.acme.booking.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a client that made too many requests with 429 {@code rate-limited} and
 * {@code Retry-After} (seconds), before any work is done. Callers with a valid admin key
 * are not limited. Clients are told apart by their address as the servlet container sees
 * it; behind a proxy, {@code server.forward-headers-strategy=native} with the proxies in
 * {@code server.tomcat.remoteip.internal-proxies} makes that the client's, taken from
 * {@code X-Forwarded-For} only when a listed proxy sent it.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final ClientRateLimits limits;

	private final AdminKey adminKey;

	RateLimitFilter(ClientRateLimits limits, AdminKey adminKey) {
		this.limits = limits;
		this.adminKey = adminKey;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// Operators (a valid admin key) are not limited: exploring or scripting the admin
		// API hits 60/min at once.
		return !path.startsWith("/api/") || path.startsWith("/api/health")
				|| adminKey.matches(request.getHeader(AdminKey.HEADER));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> refused = limits.acquire(request.getRemoteAddr());
		if (refused.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, (refused.get().toMillis() + 999) / 1000);
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests",
				"Too many requests from this address; retry after " + retryAfter + " seconds");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		Problems.write(request, response, problem);
	}

}
