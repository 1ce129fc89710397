package com.acme.booking.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies larger than {@code booking.web.max-body-size} (64 KB: the largest valid booking is about
 * 6 KB) with a 413 problem before anything reads them, so a huge body cannot tie up memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final long maxBytes;

	BodySizeLimit(@Value("${booking.web.max-body-size:65536}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
					"The request body may be at most " + maxBytes + " bytes");
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(JSON.writeValueAsString(problem));
			return;
		}
		chain.doFilter(request, response);
	}

}
