package com.acme.booking.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.booking.webhook.WebhookDeliveries;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One webhook delivery as the webhooks endpoint shows it.
 *
 * @param id the {@code webhook-id} it is sent with, every time
 * @param type the event ({@code booking.created})
 * @param body the JSON sent, exactly
 */
record WebhookResource(UUID id, String endpoint, String type, String status, boolean endpointDisabled,
		Instant createdAt, Instant deliveredAt, @JsonRawValue String body, List<AttemptResource> attempts) {

	static WebhookResource of(WebhookDeliveries.Delivery delivery) {
		return new WebhookResource(delivery.id(), delivery.endpoint(), delivery.event().type(), delivery.status(),
				delivery.endpointDisabled(), delivery.createdAt(), delivery.deliveredAt(), delivery.body(),
				delivery.attempts()
					.stream()
					.map(attempt -> new AttemptResource(attempt.at(), attempt.httpStatus(), attempt.error(),
							attempt.durationMillis()))
					.toList());
	}

	/**
	 * One attempt.
	 *
	 * @param httpStatus the answer's status; null when none came (timeout, refused
	 * connection, refused address)
	 */
	record AttemptResource(Instant at, Integer httpStatus, String error, long durationMs) {
	}

}
