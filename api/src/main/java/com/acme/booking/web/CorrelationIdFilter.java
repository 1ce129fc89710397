package com.acme.booking.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.acme.booking.logging.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id in the MDC (and the {@code X-Correlation-Id}
 * response header), first of all filters so even a refused request's log lines carry it.
 * A caller's own id (a proxy's request id) is kept when it is short and plain; anything
 * else is replaced, so a header cannot inject text into log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(CorrelationId.HEADER);
		String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
		response.setHeader(CorrelationId.HEADER, id);
		MDC.put(CorrelationId.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(CorrelationId.MDC_KEY);
		}
	}

}
