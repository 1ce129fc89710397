package com.acme.booking.booking;

import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts every problem answer to a booking request (create, change, cancel) by its type, whichever handler produced
 * it, so the refusal reasons in the metrics are exactly the ones clients see.
 */
@RestControllerAdvice
class BookingRefusals implements ResponseBodyAdvice<Object> {

	/** {@code POST /api/bookings}, {@code PATCH} or {@code DELETE /api/bookings/{id}}. */
	private static final Pattern BOOKING = Pattern.compile("/api/bookings(/[^/]+)?/?");

	private final BookingMetrics metrics;

	BookingRefusals(BookingMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && problem.getType() != null && isBookingWrite(request)) {
			String type = problem.getType().toString();
			metrics.refused(type.substring(type.lastIndexOf('/') + 1));
		}
		return body;
	}

	private static boolean isBookingWrite(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		String path = request.getURI().getPath();
		boolean write = HttpMethod.POST.equals(method) ? path.matches("/api/bookings/?")
				: (HttpMethod.PATCH.equals(method) || HttpMethod.DELETE.equals(method)) && BOOKING.matcher(path).matches();
		return write && !path.contains("available-slots");
	}

}
