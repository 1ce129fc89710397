package com.acme.booking.openapi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.acme.booking.core.BookingRulesProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * What the schemas must say that the annotations cannot, so that what the description
 * calls valid is what the service takes and answers: request bodies refuse unknown fields
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties}); durations lie
 * within {@code booking.rules.min-duration} and {@code max-duration}; a time zone is one
 * of Java's IANA zones; the admin listing's page and size have their bounds; a bulk
 * retry's body may be null (every integration); a change names at least one field; and
 * which properties may be null ({@link #NULLABLE}).
 */
final class OpenApiRequests {

	/** The request bodies, by schema name. */
	static final List<String> BODIES = List.of("CreateBookingRequest", "UpdateBookingRequest", "BulkSyncRequest");

	/**
	 * Properties that may be null: in a request, null is taken as absent (a change leaves
	 * the field as it is, a bulk retry covers every integration); in a booking, a detail
	 * the customer left out or a sync that has not happened.
	 */
	static final Map<String, List<String>> NULLABLE = Map.of("CreateBookingRequest",
			List.of("company", "phone", "inquiry", "durationMinutes", "timeZone"), "UpdateBookingRequest",
			List.of("startTime", "durationMinutes", "name", "company", "phone", "inquiry"), "BulkSyncRequest",
			List.of("integration"), "BookingResource",
			List.of("company", "phone", "inquiry", "calendarEventId", "calendarSyncError", "crmContactId",
					"crmSyncError", "mailSyncError", "webhookSyncError", "calendarConflict", "calendarDrift"));

	private OpenApiRequests() {
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static void describe(OpenAPI api, BookingRulesProperties rules) {
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		BODIES.stream().map(schemas::get).filter(schema -> schema != null).forEach(schema -> {
			schema.setAdditionalProperties(Boolean.FALSE);
			Map<String, Schema> properties = schema.getProperties();
			if (properties != null) {
				durationBounds(properties.get("durationMinutes"), rules);
				timeZones(properties.get("timeZone"));
			}
		});
		NULLABLE.forEach((name, nullable) -> {
			Schema schema = schemas.get(name);
			if (schema != null && schema.getProperties() != null) {
				nullable.forEach(property -> orNull(schema.getProperties(), property));
			}
		});
		Schema update = schemas.get("UpdateBookingRequest");
		if (update != null && update.getProperties() != null) {
			atLeastOneOf(update);
		}
		Schema bulk = schemas.get("BulkSyncRequest");
		if (bulk != null && bulk.getProperties() != null && bulk.getProperties().get("integration") != null) {
			((Schema) bulk.getProperties().get("integration"))
				.description("one integration's flagged bookings; null or absent: every integration's");
		}
		api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
			if (operation.getParameters() != null) {
				// Spring MVC gives an empty value the parameter's default, as if it were
				// absent.
				operation.getParameters()
					.stream()
					.filter(parameter -> "query".equals(parameter.getIn()) && parameter.getSchema() != null
							&& parameter.getSchema().getDefault() != null)
					.forEach(parameter -> parameter.setAllowEmptyValue(true));
			}
			if (path.equals("/api/bookings/available-slots")) {
				durationBounds(query(operation, "duration"), rules);
			}
			if (path.equals("/api/admin/bookings/sync") && operation.getRequestBody() != null) {
				bodyOrNull(operation);
			}
			if (path.equals("/api/admin/bookings")) {
				bounds(query(operation, "page"), 0, null);
				bounds(query(operation, "size"), 1, 200L);
			}
		}));
	}

	private static void durationBounds(Schema<?> minutes, BookingRulesProperties rules) {
		bounds(minutes, ceilMinutes(rules.minDuration()), rules.maxDuration().toMinutes());
	}

	private static long ceilMinutes(Duration duration) {
		long minutes = duration.toMinutes();
		return duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
	}

	private static void bounds(Schema<?> schema, long minimum, Long maximum) {
		if (schema != null) {
			schema.setMinimum(BigDecimal.valueOf(minimum));
			schema.setMaximum(maximum == null ? null : BigDecimal.valueOf(maximum));
		}
	}

	/** Blank (the business time zone) or one of Java's region ids. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void timeZones(Schema zone) {
		if (zone != null) {
			List<Object> values = new ArrayList<>();
			values.add("");
			values.addAll(new TreeSet<>(ZoneId.getAvailableZoneIds()));
			zone.setEnum(values);
			zone.setMinLength(null);
		}
	}

	/**
	 * Adds null to the property's types (and to its values, when it lists them); a
	 * reference becomes "the referenced schema, or null".
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void orNull(Map<String, Schema> properties, String name) {
		Schema property = properties.get(name);
		if (property == null) {
			return;
		}
		if (property.get$ref() != null) {
			properties.put(name, new Schema().anyOf(List.of(property, new Schema().types(Set.of("null")))));
			return;
		}
		property.addType("null");
		if (property.getEnum() != null) {
			List<Object> values = new ArrayList<>(property.getEnum());
			values.add(null);
			property.setEnum(values);
		}
	}

	/**
	 * A change must give one field a value (a PATCH with none is 400): not an object
	 * whose fields are all absent or null.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void atLeastOneOf(Schema change) {
		Map<String, Schema> allNull = new LinkedHashMap<>();
		((Map<String, Schema>) change.getProperties()).keySet()
			.forEach(name -> allNull.put(name, new Schema().types(Set.of("null"))));
		change.not(new Schema().properties(allNull));
	}

	/** A JSON {@code null} as the body is taken like no body at all. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void bodyOrNull(Operation operation) {
		operation.getRequestBody()
			.getContent()
			.values()
			.forEach(media -> media
				.setSchema(new Schema().anyOf(List.of(media.getSchema(), new Schema().types(Set.of("null"))))));
	}

	private static Schema<?> query(Operation operation, String name) {
		return operation.getParameters() == null ? null
				: operation.getParameters()
					.stream()
					.filter(parameter -> "query".equals(parameter.getIn()) && name.equals(parameter.getName()))
					.map(Parameter::getSchema)
					.findFirst()
					.orElse(null);
	}

}
