package com.acme.booking.openapi;

import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * OpenAPI links from the 201 of {@code POST /api/bookings} to every operation that takes
 * a booking id (in the path, or as {@code bookingId}), passing the new booking's
 * {@code id} and its {@code manageToken}: a client, or a fuzzer, learns where the answer
 * leads.
 */
final class OpenApiLinks {

	private static final String CREATE_PATH = "/api/bookings";

	private OpenApiLinks() {
	}

	static void describe(OpenAPI api) {
		PathItem create = api.getPaths().get(CREATE_PATH);
		if (create == null || create.getPost() == null || create.getPost().getResponses() == null) {
			return;
		}
		ApiResponse created = create.getPost().getResponses().get("201");
		if (created == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Link link = linkTo(path, method, operation);
			if (link != null) {
				created.link(name(path, method), link);
			}
		}));
	}

	/** A link to the operation when it takes a booking id; null when it takes none. */
	private static Link linkTo(String path, PathItem.HttpMethod method, Operation operation) {
		// By reference: operation ids are made unique only after customizers run.
		Link link = new Link().operationRef(
				"#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.name().toLowerCase(Locale.ROOT));
		if (path.contains("{id}") && (path.startsWith("/api/bookings/") || path.startsWith("/api/admin/bookings/"))) {
			link.parameters("path.id", "$response.body#/id");
		}
		else if (hasQuery(operation, "bookingId")) {
			link.parameters("query.bookingId", "$response.body#/id");
		}
		else {
			return null;
		}
		if (!path.startsWith("/api/admin/")) {
			link.parameters("header." + OpenApiConfiguration.TOKEN_SCHEME, "$response.body#/manageToken");
		}
		return link.description("the new booking");
	}

	private static boolean hasQuery(Operation operation, String name) {
		return operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch(parameter -> "query".equals(parameter.getIn()) && name.equals(parameter.getName()));
	}

	/**
	 * E.g. {@code GET /api/bookings/{id}/calendar.ics} gives
	 * {@code getBookingsCalendarIcs}.
	 */
	private static String name(String path, PathItem.HttpMethod method) {
		StringBuilder name = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
		for (String word : path.replace("/api/", "/").replaceAll("[{}]", "").split("[^A-Za-z]+")) {
			if (!word.isEmpty() && !word.equals("id")) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return name.toString();
	}

}
