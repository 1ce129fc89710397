package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.acme.booking.crm.HubSpotModel.BatchInput;
import com.acme.booking.crm.HubSpotModel.BatchResult;
import com.acme.booking.crm.HubSpotModel.CrmObject;
import com.acme.booking.crm.HubSpotModel.ObjectInput;
import com.acme.booking.crm.HubSpotModel.PropertyCreate;
import com.acme.booking.crm.HubSpotModel.PropertyGroupCreate;
import com.acme.booking.crm.HubSpotModel.TokenInfo;
import com.acme.booking.crm.HubSpotModel.TokenKey;
import com.acme.booking.crm.HubSpotModel.UpsertInput;
import com.acme.booking.sync.RetryAfter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Typed client for the parts of HubSpot's CRM v3 REST API the booking sync uses. Every
 * sync call goes through the circuit breaker; failures surface as
 * {@link HubSpotCallFailed}. Probes for health and configuration checks bypass the
 * breaker so that they always tell the truth about HubSpot.
 */
class HubSpotClient {

	private final RestClient http;

	private final CircuitBreaker breaker;

	private final String accessToken;

	HubSpotClient(RestClient http, CircuitBreaker breaker, String accessToken) {
		this.http = http;
		this.breaker = breaker;
		this.accessToken = accessToken;
	}

	CircuitBreaker breaker() {
		return breaker;
	}

	CrmObject createContact(Map<String, String> properties) {
		return call("create contact",
				() -> http.post()
					.uri("/crm/v3/objects/contacts")
					.body(ObjectInput.create(properties))
					.retrieve()
					.body(CrmObject.class));
	}

	/** The contact with the named properties (null where HubSpot holds no value). */
	CrmObject readContact(String contactId, List<String> properties) {
		return call("read contact " + contactId,
				() -> http.get()
					.uri(b -> b.path("/crm/v3/objects/contacts/{id}")
						.queryParam("properties", String.join(",", properties))
						.build(contactId))
					.retrieve()
					.body(CrmObject.class));
	}

	CrmObject updateContact(String contactId, Map<String, String> properties) {
		return call("update contact " + contactId,
				() -> http.patch()
					.uri("/crm/v3/objects/contacts/{id}", contactId)
					.body(ObjectInput.update(properties))
					.retrieve()
					.body(CrmObject.class));
	}

	/**
	 * Creates the meeting whose unique {@code idProperty} has {@code id}, or updates the
	 * one that already has it.
	 */
	CrmObject upsertMeeting(String idProperty, String id, Map<String, String> properties) {
		String operation = "upsert meeting " + idProperty + "=" + id;
		BatchResult result = call(operation,
				() -> http.post()
					.uri("/crm/v3/objects/meetings/batch/upsert")
					.body(new BatchInput<>(List.of(new UpsertInput(idProperty, id, properties))))
					.retrieve()
					.body(BatchResult.class));
		if (result == null || result.results() == null || result.results().isEmpty()) {
			// A 207 whose only input failed: HubSpot puts the reason into the batch's
			// errors.
			HubSpotCallFailed.Body error = result != null && result.errors() != null && !result.errors().isEmpty()
					? result.errors().get(0) : HubSpotCallFailed.Body.empty();
			throw new HubSpotCallFailed(operation, statusOf(error.category()), error, null, null);
		}
		return result.results().get(0);
	}

	/** The meeting, or empty when HubSpot no longer has it (deleted in HubSpot). */
	Optional<CrmObject> findMeeting(String meetingId, List<String> properties) {
		try {
			return Optional.ofNullable(call("read meeting " + meetingId,
					() -> http.get()
						.uri(b -> b.path("/crm/v3/objects/meetings/{id}")
							.queryParam("properties", String.join(",", properties))
							.build(meetingId))
						.retrieve()
						.body(CrmObject.class)));
		}
		catch (HubSpotCallFailed ex) {
			if (ex.status() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	CrmObject updateMeeting(String meetingId, Map<String, String> properties) {
		return call("update meeting " + meetingId,
				() -> http.patch()
					.uri("/crm/v3/objects/meetings/{id}", meetingId)
					.body(ObjectInput.update(properties))
					.retrieve()
					.body(CrmObject.class));
	}

	/**
	 * HubSpot's default meeting-to-contact association; putting it again changes nothing.
	 */
	void associateMeetingWithContact(String meetingId, String contactId) {
		call("associate meeting " + meetingId + " with contact " + contactId, () -> http.put()
			.uri("/crm/v4/objects/meetings/{meeting}/associations/default/contacts/{contact}", meetingId, contactId)
			.retrieve()
			.toBodilessEntity());
	}

	void createPropertyGroup(String objectType, PropertyGroupCreate group) {
		call("create property group " + objectType + "." + group.name(),
				() -> http.post()
					.uri("/crm/v3/properties/{objectType}/groups", objectType)
					.body(group)
					.retrieve()
					.toBodilessEntity());
	}

	void createProperty(String objectType, PropertyCreate property) {
		call("create property " + objectType + "." + property.name(),
				() -> http.post()
					.uri("/crm/v3/properties/{objectType}", objectType)
					.body(property)
					.retrieve()
					.toBodilessEntity());
	}

	/**
	 * A cheap authenticated GET, outside the circuit breaker (health and configuration
	 * checks).
	 */
	void probe(String operation, String path) {
		translate(operation, () -> http.get().uri(path).retrieve().toBodilessEntity());
	}

	/**
	 * The scopes and portal of the configured private app token, outside the circuit
	 * breaker.
	 */
	TokenInfo tokenInfo() {
		return translate("read access token info",
				() -> http.post()
					.uri("/oauth/v2/private-apps/get/access-token-info")
					.body(new TokenKey(accessToken))
					.retrieve()
					.body(TokenInfo.class));
	}

	private <T> T call(String operation, Supplier<T> request) {
		return breaker.executeSupplier(() -> translate(operation, request));
	}

	private static <T> T translate(String operation, Supplier<T> request) {
		try {
			return request.get();
		}
		catch (RestClientResponseException ex) {
			throw new HubSpotCallFailed(operation, ex.getStatusCode().value(), body(ex),
					retryAfter(ex.getResponseHeaders()), ex);
		}
		catch (ResourceAccessException ex) {
			throw new HubSpotCallFailed(operation, 0,
					new HubSpotCallFailed.Body(null, ex.getMostSpecificCause().toString(), null, null, null, null),
					null, ex);
		}
	}

	private static HubSpotCallFailed.Body body(RestClientResponseException ex) {
		try {
			HubSpotCallFailed.Body body = ex.getResponseBodyAs(HubSpotCallFailed.Body.class);
			if (body != null) {
				return body;
			}
		}
		catch (RuntimeException notJson) {
			// A proxy or load balancer answered, not HubSpot: keep its text.
		}
		String text = ex.getResponseBodyAsString();
		return new HubSpotCallFailed.Body(null, text.length() > 300 ? text.substring(0, 300) : text, null, null, null,
				null);
	}

	/**
	 * HubSpot's {@code Retry-After}, read as every integration reads it; an HTTP date is
	 * compared with this machine's time, as the server's own clock would be.
	 */
	static Duration retryAfter(HttpHeaders headers) {
		return RetryAfter.parse(headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now());
	}

	private static int statusOf(String category) {
		if (category == null) {
			return 500;
		}
		return switch (category) {
			case "VALIDATION_ERROR" -> 400;
			case "OBJECT_NOT_FOUND" -> 404;
			case "CONFLICT", "OBJECT_ALREADY_EXISTS" -> 409;
			case "RATE_LIMITS", "RATE_LIMIT" -> 429;
			default -> 500;
		};
	}

}
