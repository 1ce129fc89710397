package com.acme.booking.availability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example body of {@code POST /api/bookings} books a slot that was free when the
 * description was made, so trying the example (in Swagger UI, or a fuzzer following the
 * description's links from the new booking) gets a 201 rather than a 422 for a time that
 * is not offered.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSlotExample {

	/** How many examples, each a different slot and customer. */
	private static final int EXAMPLES = 5;

	@Bean
	OpenApiCustomizer bookableExample(SlotCatalog catalog, SlotRules rules, Clock clock) {
		return api -> {
			@SuppressWarnings("unchecked")
			Schema<Object> request = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
					: (Schema<Object>) api.getComponents().getSchemas().get("CreateBookingRequest");
			if (request == null) {
				return;
			}
			LocalDate today = LocalDate.now(clock.withZone(rules.zone()));
			List<Interval> slots = catalog.offered(today, today.plusDays(rules.maxRangeDays() - 1),
					rules.defaultDuration());
			if (slots.isEmpty()) {
				return;
			}
			List<Object> examples = new ArrayList<>();
			for (int i = 0; i < Math.min(EXAMPLES, slots.size()); i++) {
				Map<String, Object> example = new LinkedHashMap<>();
				example.put("name", "Ada Lovelace");
				example.put("email", "ada" + (i == 0 ? "" : "+" + i) + "@example.com");
				example.put("startTime", slots.get(i * slots.size() / EXAMPLES).start().toString());
				example.put("durationMinutes", rules.defaultDuration().toMinutes());
				examples.add(example);
			}
			request.setExamples(examples);
		};
	}

}
