package com.acme.booking.crm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A HubSpot call that did not succeed: an HTTP error answer in HubSpot's error shape
 * ({@code {"status": "error", "message", "correlationId", "category"}}) or no answer at
 * all ({@code status} 0). Whether a retry can help is decided in {@link CrmFailures}.
 */
class HubSpotCallFailed extends RuntimeException {

	private static final Pattern EXISTING_ID = Pattern.compile("Existing ID: (\\d+)");

	private static final Pattern MISSING_PROPERTY = Pattern
		.compile("Property \\\\?\"([A-Za-z0-9_]+)\\\\?\" does not exist");

	private final String operation;

	private final int status;

	private final Body body;

	private final Duration retryAfter;

	HubSpotCallFailed(String operation, int status, Body body, Duration retryAfter, Throwable cause) {
		super(operation + ": " + (status == 0 ? "no answer" : "HTTP " + status)
				+ (body.message() != null ? " " + body.message() : ""), cause);
		this.operation = operation;
		this.status = status;
		this.body = body;
		this.retryAfter = retryAfter;
	}

	String operation() {
		return operation;
	}

	/**
	 * The HTTP status, or 0 when HubSpot could not be reached or did not answer in time.
	 */
	int status() {
		return status;
	}

	Body body() {
		return body;
	}

	/** The {@code Retry-After} HubSpot asked for, if any. */
	Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	/** The id in a 409 {@code Contact already exists. Existing ID: N}. */
	Optional<String> existingId() {
		if (status != 409 || body.message() == null) {
			return Optional.empty();
		}
		Matcher matcher = EXISTING_ID.matcher(body.message());
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * The property named in a 400 {@code PROPERTY_DOESNT_EXIST}, or "" if HubSpot did not
	 * name it.
	 */
	Optional<String> missingProperty() {
		if (status != 400 || body.message() == null || !body.message().contains("PROPERTY_DOESNT_EXIST")) {
			return Optional.empty();
		}
		Matcher matcher = MISSING_PROPERTY.matcher(body.message());
		return Optional.of(matcher.find() ? matcher.group(1) : "");
	}

	/** Scopes HubSpot says are missing on a 403, from each error's context. */
	List<String> requiredScopes() {
		if (body.errors() == null) {
			return List.of();
		}
		return body.errors()
			.stream()
			.filter(error -> error.context() != null)
			.flatMap(error -> error.context().entrySet().stream())
			.filter(entry -> entry.getKey().toLowerCase().contains("scope"))
			.flatMap(entry -> entry.getValue().stream())
			.distinct()
			.toList();
	}

	/**
	 * HubSpot's error body. Rate-limit answers add {@code policyName}.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Body(String status, String message, String correlationId, String category, String policyName,
			List<Detail> errors) {

		static Body empty() {
			return new Body(null, null, null, null, null, null);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Detail(String message, String code, Map<String, List<String>> context) {
	}

}
