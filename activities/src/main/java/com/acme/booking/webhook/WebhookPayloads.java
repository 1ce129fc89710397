package com.acme.booking.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.booking.booking.BookingResource;
import com.acme.booking.core.Booking;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The body of a webhook: {@code {"type", "timestamp", "data"}}, where {@code data} is the
 * booking as the REST resource shows it (without a manage link) when the delivery is
 * made, and {@code timestamp} when the change was.
 */
@Component
class WebhookPayloads {

	private final JsonMapper json;

	WebhookPayloads(ObjectProvider<JsonMapper> json) {
		this.json = json.getIfAvailable(() -> JsonMapper.builder().build());
	}

	String body(WebhookDeliveries.Change change, Booking booking) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", change.event().type());
		body.put("timestamp", change.at().toString());
		body.put("data", BookingResource.of(booking));
		return json.writeValueAsString(body);
	}

}
