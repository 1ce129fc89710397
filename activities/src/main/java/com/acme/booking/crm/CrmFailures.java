package com.acme.booking.crm;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns a failed HubSpot call into what Temporal should do: retry (429 after the wait HubSpot asks for, 5xx, 423,
 * I/O, an open circuit) or stop and flag the booking for an operator (400, 401, 403, 404 and other refusals), with a
 * message that says what to fix. The message becomes the booking's {@code crmSyncError}.
 */
final class CrmFailures {

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

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
					"HubSpotCircuitOpen", openCircuitDelay);
		}
		if (!(failure instanceof HubSpotCallFailed call)) {
			return retryable("CRM sync failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage(),
				"CrmSyncError", null);
		}
		int status = call.status();
		String where = call.operation() + ": ";
		String ref = reference(call);
		if (status == 429) {
			Duration delay = call.retryAfter().orElseGet(() -> rateLimitDelay(call, defaultRateLimitDelay));
			return retryable(where + "HubSpot rate limit reached (" + orDefault(call.body().policyName(), "429")
					+ "), retrying in " + delay.toSeconds() + "s" + ref, "HubSpotRateLimited", delay);
		}
		if (status == 0) {
			return retryable(where + "HubSpot did not answer (" + call.body().message() + ")", "HubSpotUnreachable", null);
		}
		if (status >= 500 || status == 423) {
			return retryable(where + "HubSpot is unavailable (HTTP " + status + ")" + ref, "HubSpotUnavailable",
					null);
		}
		return ApplicationFailure.newNonRetryableFailure(masked(where + explain(call) + ref), type(call));
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

	/**
	 * No cause is attached: the failure goes into Temporal's history, which must not hold personal data, and HubSpot's
	 * raw answer may quote the values it refused.
	 */
	private static ApplicationFailure retryable(String message, String type, Duration delay) {
		return ApplicationFailure.newBuilder()
			.setMessage(masked(message))
			.setType(type)
			.setNonRetryable(false)
			.setNextRetryDelay(delay)
			.build();
	}

	/** The message becomes the booking's sync error and Temporal history: email addresses in it are masked. */
	static String masked(String message) {
		return EMAIL.matcher(message).replaceAll("***@$1");
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
