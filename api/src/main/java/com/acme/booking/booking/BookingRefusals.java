package com.acme.booking.booking;

import java.io.IOException;
import java.util.regex.Pattern;

import com.acme.booking.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts every problem answer to a booking request (create, change, cancel) by its type,
 * whoever produced it: the controllers' handlers (seen here as the body is written) and
 * the filters in front of them (rate limit, body size, which write through
 * {@link Problems#write}). So the refusal reasons in the metrics are exactly the ones
 * clients see. Runs outside every filter that can refuse a request.
 */
final class BookingRefusals {

	/** {@code POST /api/bookings}, {@code PATCH} or {@code DELETE /api/bookings/{id}}. */
	private static final Pattern BOOKING = Pattern.compile("/api/bookings(/[^/]+)?/?");

	private BookingRefusals() {
	}

	static boolean isBookingWrite(String method, String path) {
		boolean write = "POST".equals(method) ? path.matches("/api/bookings/?")
				: ("PATCH".equals(method) || "DELETE".equals(method)) && BOOKING.matcher(path).matches();
		return write && !path.contains("available-slots");
	}

	/** Notes the type of a problem a controller answers with, for {@link Counting}. */
	@RestControllerAdvice
	static class Noting implements ResponseBodyAdvice<Object> {

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
				Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (body instanceof ProblemDetail problem && problem.getType() != null
					&& request instanceof ServletServerHttpRequest servlet) {
				servlet.getServletRequest().setAttribute(Problems.ANSWERED_TYPE, problem.getType().toString());
			}
			return body;
		}

	}

	/** Counts the noted problem once the request is answered. */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class Counting extends OncePerRequestFilter {

		private final BookingMetrics metrics;

		Counting(BookingMetrics metrics) {
			this.metrics = metrics;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (request.getAttribute(Problems.ANSWERED_TYPE) instanceof String type && isBookingWrite(
						request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()))) {
					metrics.refused(type.substring(type.lastIndexOf('/') + 1));
				}
			}
		}

	}

}
