package com.acme.booking.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.web.PlainText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description, as a client reads it from /v3/api-docs: complete, with errors
 * and security schemes.
 */
@RunningService
class OpenApiTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	JsonNode docs;

	@BeforeEach
	void fetch() {
		Http.Response response = new Http(port).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		docs = response.json();
	}

	@Test
	void describesEveryEndpointTheControllersMap() {
		List<String> mapped = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("com.acme.booking")) {
				continue;
			}
			for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
				// A variable's regular expression ({id:[0-9a-f-]+}) is not part of an
				// OpenAPI path.
				String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
				for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
					mapped.add(method + " " + path);
				}
			}
		}

		assertThat(mapped).hasSizeGreaterThanOrEqualTo(11)
			.contains("POST /api/bookings", "GET /api/bookings/available-slots", "POST /api/admin/bookings/{id}/sync");
		assertThat(mapped).allSatisfy(endpoint -> {
			String[] parts = endpoint.split(" ");
			assertThat(docs.path("paths").path(parts[1]).has(parts[0].toLowerCase(Locale.ROOT)))
				.as("%s is in /v3/api-docs", endpoint)
				.isTrue();
		});
	}

	@Test
	void describesEveryErrorWithItsProblemTypeAndAnExample() {
		for (OpenApiErrors.ProblemType type : OpenApiErrors.TYPES.values()) {
			JsonNode example = docs.path("components").path("examples").path(type.slug()).path("value");
			assertThat(example.path("type").asString()).as(type.slug())
				.isEqualTo("https://booking.example.com/problems/" + type.slug());
			assertThat(example.path("status").asInt()).isEqualTo(type.status().value());
		}
		JsonNode create = docs.path("paths").path("/api/bookings").path("post").path("responses");
		assertThat(create.path("409")
			.path("content")
			.path("application/problem+json")
			.path("examples")
			.has("slot-unavailable")).isTrue();
		JsonNode tooMany = create.path("429").path("content").path("application/problem+json").path("examples");
		assertThat(tooMany.has("frequency-limit-exceeded")).isTrue();
		assertThat(tooMany.has("rate-limited")).isTrue();
		assertThat(create.path("413").isMissingNode()).isFalse();
		assertThat(create.path("415").isMissingNode()).isFalse();
		assertThat(docs.path("paths").path("/api/admin/bookings").path("get").path("responses").has("401")).isTrue();

		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			operation.getValue().path("responses").properties().forEach(response -> {
				if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
					assertThat(response.getValue()
						.path("content")
						.path("application/problem+json")
						.path("examples")
						.size())
						.as("%s %s %s has a problem example", operation.getKey(), path.getKey(), response.getKey())
						.isPositive();
				}
			});
			assertThat(operation.getValue().path("responses").has("500")).as(path.getKey()).isTrue();
		}));
	}

	@Test
	void offersBothSecuritySchemesSoSwaggerHasAnAuthorizeButton() {
		JsonNode schemes = docs.path("components").path("securitySchemes");
		assertThat(schemes.path("X-Booking-Token").path("in").asString()).isEqualTo("header");
		assertThat(schemes.path("X-Api-Key").path("in").asString()).isEqualTo("header");
		assertThat(schemes.path("X-Api-Key").path("type").asString()).isEqualTo("apiKey");

		JsonNode read = docs.path("paths").path("/api/bookings/{id}").path("get");
		assertThat(read.path("security").toString()).contains("X-Booking-Token").contains("X-Api-Key");
		assertThat(read.path("parameters").toString()).doesNotContain("X-Booking-Token");
		assertThat(docs.path("paths").path("/api/admin/bookings").path("get").path("security").toString())
			.contains("X-Api-Key")
			.doesNotContain("X-Booking-Token");
	}

	@Test
	void linksTheNewBookingToEveryOperationThatTakesItsIdAndToken() {
		JsonNode links = docs.path("paths")
			.path("/api/bookings")
			.path("post")
			.path("responses")
			.path("201")
			.path("links");

		JsonNode read = links.path("getBookings");
		assertThat(read.path("operationRef").asString()).isEqualTo("#/paths/~1api~1bookings~1{id}/get");
		assertThat(read.path("parameters").path("path.id").asString()).isEqualTo("$response.body#/id");
		assertThat(read.path("parameters").path("header.X-Booking-Token").asString())
			.isEqualTo("$response.body#/manageToken");
		assertThat(links.path("getBookingsAvailableSlots").path("parameters").path("query.bookingId").asString())
			.isEqualTo("$response.body#/id");
		assertThat(links.path("postAdminBookingsSync").path("parameters").has("header.X-Booking-Token")).isFalse();
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (path.getKey().contains("/bookings/{id}")) {
				assertThat(links.toString()).as("%s %s is linked", operation.getKey(), path.getKey())
					.contains(path.getKey().replace("/", "~1") + "/" + operation.getKey());
			}
		}));
	}

	@Test
	void documentsWhatTheServiceTakesAndAnswers() {
		JsonNode schemas = docs.path("components").path("schemas");
		JsonNode integration = schemas.path("BulkSyncRequest").path("properties").path("integration");
		assertThat(integration.path("type").toString()).contains("\"null\"");
		assertThat(integration.path("enum").toString()).contains("null");
		assertThat(docs.path("paths").path("/api/bookings/available-slots").path("get").path("responses").has("404"))
			.as("an unknown bookingId")
			.isTrue();
		for (String body : OpenApiRequests.BODIES) {
			assertThat(schemas.path(body).path("additionalProperties").asBoolean(true)).as(body).isFalse();
		}
		assertThat(schemas.path("CreateBookingRequest").path("properties").path("name").path("pattern").asString())
			.isEqualTo(PlainText.Validator.regex(false, true));
		assertThat(
				schemas.path("CreateBookingRequest").path("properties").path("durationMinutes").path("minimum").asInt())
			.isEqualTo(15);
		assertThat(schemas.path("BookingResource").path("properties").path("company").path("type").toString())
			.contains("\"null\"");
	}

	@Test
	void servesSwaggerUi() {
		Http http = new Http(port);
		Http.Response entry = http.get("/swagger-ui.html");
		assertThat(entry.status()).isEqualTo(302);
		String location = entry.header("Location");

		Http.Response ui = http.get(location.replaceFirst("^https?://[^/]+", ""));

		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.body()).contains("Swagger UI");
	}

}
