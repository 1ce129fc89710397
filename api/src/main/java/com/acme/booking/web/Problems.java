package com.acme.booking.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problem types of API.md, defined once. */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static final String BASE = "https://booking.example.com/problems/";

	/**
	 * Request attribute holding the type of the problem a request was answered with,
	 * whoever wrote it (a controller or a filter), so the refusal metrics see every one.
	 */
	public static final String ANSWERED_TYPE = Problems.class.getName() + ".answeredType";

	public static final String VALIDATION_FAILED = "validation-failed";

	public static final String NOT_FOUND = "not-found";

	public static final String SLOT_UNAVAILABLE = "slot-unavailable";

	public static final String SLOT_NOT_OFFERED = "slot-not-offered";

	public static final String FREQUENCY_LIMIT_EXCEEDED = "frequency-limit-exceeded";

	public static final String RATE_LIMITED = "rate-limited";

	public static final String UNAUTHORIZED = "unauthorized";

	public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	public static final String SYNC_UNAVAILABLE = "sync-unavailable";

	public static final String BOOKING_CANCELLED = "booking-cancelled";

	public static final String METHOD_NOT_ALLOWED = "method-not-allowed";

	public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

	public static final String INTERNAL_ERROR = "internal-error";

	private Problems() {
	}

	/** When a client may try again while the database cannot be reached. */
	public static final long DATABASE_RETRY_AFTER_SECONDS = 5;

	/** The answer while the database cannot be reached, with {@code Retry-After}. */
	public static ProblemDetail databaseDown() {
		return of(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, "Service unavailable",
				"The booking database cannot be reached; nothing was changed. Please retry in a few seconds");
	}

	/** A problem of one of the types above, with a human-readable title and detail. */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The type slug of a status without a type of its own: {@code 405} is
	 * {@code method-not-allowed}.
	 */
	static String slug(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		if (known == HttpStatus.CONTENT_TOO_LARGE) {
			return PAYLOAD_TOO_LARGE;
		}
		if (known == HttpStatus.INTERNAL_SERVER_ERROR) {
			return INTERNAL_ERROR;
		}
		return known == null ? "http-" + status.value()
				: known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
	}

	/**
	 * Writes a problem from a servlet filter, where Spring MVC's message converters do
	 * not run: the same JSON shape as the controllers' problems (no
	 * {@code "properties": null}), UTF-8, with its length, flushed at once so the client
	 * has the answer even if the connection is closed right after.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		request.setAttribute(ANSWERED_TYPE, problem.getType().toString());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

}
