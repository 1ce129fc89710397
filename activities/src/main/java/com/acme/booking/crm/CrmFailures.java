package com.acme.booking.crm;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns a failed HubSpot call into what Temporal should do: retry (429 after the wait HubSpot asks for, 5xx, 423,
 * I/O, an open circuit) or stop and flag the booking for an operator (400, 401, 403, 404 and other refusals), with a
 * message that says what to fix. The message becomes the booking's {@code crmSyncError}.
 */
final class CrmFailures {

	private CrmFailures() {
	}

	/** Outages count against the circuit breaker; refusals do not, HubSpot answered them correctly. */
	static boolean isOutage(Throwable failure) {
		return failure instanceof HubSpotCallFailed call
				&& (call.status() == 0 || call.status() >= 500 || call.status() == 423);
	}

	static ApplicationFailure classify(Throwable failure, Duration defaultRateLimitDelay, Duration openCircuitDelay) {
		if (failure instanceof CallNotPermittedException) {
			return retryable("HubSpot calls are paused: the circuit breaker is open after repeated outages",
					"HubSpotCircuitOpen", openCircuitDelay, failure);
		}
		if (!(failure instanceof HubSpotCallFailed call)) {
			return retryable("CRM sync failed: " + failure, "CrmSyncError", null, failure);
		}
		int status = call.status();
		String where = call.operation() + ": ";
		String ref = reference(call);
		if (status == 429) {
			Duration delay = call.retryAfter().orElseGet(() -> rateLimitDelay(call, defaultRateLimitDelay));
			return retryable(where + "HubSpot rate limit reached (" + orDefault(call.body().policyName(), "429")
					+ "), retrying in " + delay.toSeconds() + "s" + ref, "HubSpotRateLimited", delay, failure);
		}
		if (status == 0) {
			return retryable(where + "HubSpot did not answer (" + call.body().message() + ")", "HubSpotUnreachable",
					null, failure);
		}
		if (status >= 500 || status == 423) {
			return retryable(where + "HubSpot is unavailable (HTTP " + status + ")" + ref, "HubSpotUnavailable", null,
					failure);
		}
		return ApplicationFailure.newNonRetryableFailureWithCause(where + explain(call) + ref, type(call), failure);
	}

	private static String explain(HubSpotCallFailed call) {
		String message = orDefault(call.body().message(), "no message");
		return switch (call.status()) {
			case 400 -> call.missingProperty()
				.map(name -> "HubSpot has no property '" + name + "' (PROPERTY_DOESNT_EXIST). The service creates its "
						+ "properties on first use: check that the private app has the crm.schemas.contacts.write "
						+ "scope, or create the property by hand (docs/hubspot.md), then retry the sync")
				.orElse("HubSpot refused the data (" + orDefault(call.body().category(), "HTTP 400") + "): "
						+ message + ". Correct the booking or the HubSpot property, then retry the sync");
			case 401 -> "HubSpot rejected the access token (401 " + orDefault(call.body().category(), "") + "): "
					+ "set booking.crm.hubspot.access-token to the current token of the private app (it may have "
					+ "been rotated or the app deleted), then retry the sync";
			case 403 -> "the HubSpot private app lacks a permission (403): " + scopes(call.requiredScopes(), message)
					+ ". Add the scope in HubSpot (Settings > Integrations > Private apps), then retry the sync";
			case 404 -> "HubSpot has no such object (404): " + message
					+ ". It was probably deleted in HubSpot; clear the booking's CRM ids or recreate it, then retry";
			default -> "HubSpot refused the call (HTTP " + call.status() + "): " + message;
		};
	}

	private static String type(HubSpotCallFailed call) {
		return switch (call.status()) {
			case 400 -> call.missingProperty().isPresent() ? "HubSpotPropertyMissing" : "HubSpotValidationError";
			case 401 -> "HubSpotUnauthorized";
			case 403 -> "HubSpotForbidden";
			case 404 -> "HubSpotNotFound";
			default -> "HubSpotRejected";
		};
	}

	private static String scopes(List<String> scopes, String message) {
		return scopes.isEmpty() ? message : "missing scope " + String.join(" or ", scopes);
	}

	/** HubSpot's daily limit resets at midnight; its burst limit every ten seconds. */
	private static Duration rateLimitDelay(HubSpotCallFailed call, Duration burstDelay) {
		String policy = call.body().policyName();
		return policy != null && policy.toUpperCase().contains("DAILY") ? Duration.ofHours(1) : burstDelay;
	}

	private static String reference(HubSpotCallFailed call) {
		String id = call.body().correlationId();
		return id == null ? "" : " [HubSpot correlationId " + id + "]";
	}

	private static ApplicationFailure retryable(String message, String type, Duration delay, Throwable cause) {
		return ApplicationFailure.newBuilder()
			.setMessage(message)
			.setType(type)
			.setNonRetryable(false)
			.setNextRetryDelay(delay)
			.setCause(cause)
			.build();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
