package com.acme.booking.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.booking.web.Problems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springframework.http.HttpStatus;

/**
 * The error half of the OpenAPI description: each problem type once (as a reusable
 * example), and on every operation the problems it can answer with, so Swagger UI shows
 * each error with its type and an example body.
 */
final class OpenApiErrors {

	static final String PROBLEM_JSON = "application/problem+json";

	/**
	 * Every problem type of the API with its status and a typical detail, in the order
	 * API.md lists them.
	 */
	static final Map<String, ProblemType> TYPES = types(
			new ProblemType(Problems.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, "Validation failed",
					"The request has invalid fields"),
			new ProblemType(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, "Booking not found",
					"No booking with this id, or the token does not match"),
			new ProblemType(Problems.SLOT_UNAVAILABLE, HttpStatus.CONFLICT, "Slot unavailable",
					"The slot overlaps another booking (buffer included); pick another slot"),
			new ProblemType(Problems.SLOT_NOT_OFFERED, HttpStatus.UNPROCESSABLE_CONTENT, "Slot not offered",
					"2026-12-05T09:00:00Z is outside business hours"),
			new ProblemType(Problems.FREQUENCY_LIMIT_EXCEEDED, HttpStatus.TOO_MANY_REQUESTS, "Too many bookings",
					"This email address already has 3 bookings made within 7d"),
			new ProblemType(Problems.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
					"Too many requests from this address; retry after 12 seconds"),
			new ProblemType(Problems.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"A valid X-Api-Key is required"),
			new ProblemType(Problems.BOOKING_CANCELLED, HttpStatus.CONFLICT, "Booking cancelled",
					"The booking is cancelled and cannot be changed"),
			new ProblemType(Problems.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
					"The request body may be at most 65536 bytes"),
			new ProblemType(Problems.SYNC_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, "Sync unavailable",
					"Temporal cannot be reached; nothing was changed"),
			new ProblemType(Problems.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
					"The booking database cannot be reached; nothing was changed. Please retry in a few seconds"),
			new ProblemType(Problems.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
					"Method 'PUT' is not supported."),
			new ProblemType(Problems.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Unsupported Media Type", "Content-Type 'text/plain' is not supported."),
			new ProblemType(Problems.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
					"Something went wrong on our side; please try again"));

	private OpenApiErrors() {
	}

	/** Adds the problem schema and examples, and each operation's possible problems. */
	static void describe(OpenAPI api) {
		api.getComponents().addSchemas("Problem", problemSchema());
		TYPES.values().forEach(type -> api.getComponents().addExamples(type.slug(), type.example()));
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> errorsOf(path, method, operation)
					.forEach(slug -> add(operation, slug))));
	}

	/** The problems one operation can answer with. */
	static List<String> errorsOf(String path, HttpMethod method, Operation operation) {
		List<String> slugs = new ArrayList<>();
		if (path.startsWith("/api/health")) {
			slugs.add(Problems.INTERNAL_ERROR);
			return slugs;
		}
		boolean hasBody = operation.getRequestBody() != null;
		if (hasBody || operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
			slugs.add(Problems.VALIDATION_FAILED);
		}
		if (path.startsWith("/api/admin/")) {
			slugs.add(Problems.UNAUTHORIZED);
		}
		// The slot listing takes a booking id too (bookingId, to leave that booking out).
		if (path.contains("{id}") || path.equals("/api/bookings/available-slots")) {
			slugs.add(Problems.NOT_FOUND);
		}
		if (path.equals("/api/bookings") && method == HttpMethod.POST
				|| path.equals("/api/bookings/{id}") && method == HttpMethod.PATCH) {
			slugs.addAll(List.of(Problems.SLOT_UNAVAILABLE, Problems.SLOT_NOT_OFFERED));
		}
		if (path.equals("/api/bookings/{id}") && method == HttpMethod.PATCH) {
			slugs.add(Problems.BOOKING_CANCELLED);
		}
		if (path.equals("/api/bookings") && method == HttpMethod.POST) {
			slugs.add(Problems.FREQUENCY_LIMIT_EXCEEDED);
		}
		if (hasBody) {
			slugs.addAll(List.of(Problems.PAYLOAD_TOO_LARGE, Problems.UNSUPPORTED_MEDIA_TYPE));
		}
		if (path.startsWith("/api/admin/") && path.endsWith("/sync")) {
			slugs.add(Problems.SYNC_UNAVAILABLE);
		}
		slugs.addAll(List.of(Problems.RATE_LIMITED, Problems.SERVICE_UNAVAILABLE, Problems.INTERNAL_ERROR));
		return slugs;
	}

	/**
	 * Problems sharing a status (two 409s, two 429s, two 503s) share one response with
	 * one example each.
	 */
	private static void add(Operation operation, String slug) {
		ProblemType type = TYPES.get(slug);
		String status = Integer.toString(type.status().value());
		ApiResponse response = operation.getResponses()
			.computeIfAbsent(status, code -> new ApiResponse().description(type.status().getReasonPhrase()));
		if (response.getContent() == null) {
			response.setContent(new Content());
		}
		MediaType media = response.getContent()
			.computeIfAbsent(PROBLEM_JSON,
					name -> new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
		media.addExamples(slug, new Example().$ref("#/components/examples/" + slug));
		String description = response.getDescription();
		if (!description.contains("`" + slug + "`")) {
			response.setDescription(description + (description.contains("`") ? ", " : ": ") + "`" + slug + "`");
		}
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type",
				new Schema<String>().type("string")
					.format("uri")
					.description("`" + Problems.BASE + "<slug>`; the slug names the problem"));
		properties.put("title", new Schema<String>().type("string"));
		properties.put("status", new Schema<Integer>().type("integer"));
		properties.put("detail", new Schema<String>().type("string").description("what went wrong, for people"));
		properties.put("instance", new Schema<String>().type("string").description("the request path"));
		properties.put("errors", new Schema<>().type("array")
			.description("validation-failed only: each invalid field with what is wrong and, for a format, an example")
			.items(new Schema<>().type("object")
				.addProperty("field", new Schema<String>().type("string"))
				.addProperty("message", new Schema<String>().type("string"))));
		return new Schema<>().type("object")
			.description("An RFC 9457 problem (application/problem+json)")
			.properties(properties);
	}

	private static Map<String, ProblemType> types(ProblemType... types) {
		Map<String, ProblemType> bySlug = new LinkedHashMap<>();
		for (ProblemType type : types) {
			bySlug.put(type.slug(), type);
		}
		return bySlug;
	}

	/** One problem type: its slug, status and an example. */
	record ProblemType(String slug, HttpStatus status, String title, String detail) {

		Example example() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", Problems.BASE + slug);
			body.put("title", title);
			body.put("status", status.value());
			body.put("detail", detail);
			body.put("instance", "/api/bookings");
			if (Problems.VALIDATION_FAILED.equals(slug)) {
				body.put("errors", List.of(Map.of("field", "startTime", "message",
						"has the wrong type or format: expected an ISO-8601 time with offset, e.g. 2026-12-01T09:00:00Z")));
			}
			return new Example().summary(status.value() + " " + slug).value(body);
		}

	}

}
