package com.acme.booking.crm;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed HubSpot call into what Temporal should do: retry (429 after the wait
 * HubSpot asks for, 5xx, 423, I/O, an open circuit) or stop and flag the booking for an
 * operator (400, 401, 403, 404 and other refusals), with a message that says what to fix.
 * The message becomes the booking's {@code crmSyncError} and Temporal history, so it
 * never carries HubSpot's free-text {@code message}: that text quotes the refused values
 * (malformed emails, phone numbers, names). Only HubSpot's structured fields (status,
 * category, error codes, property names, correlationId) and our own explanation go in;
 * the full answer is logged locally at DEBUG.
 */
final class CrmFailures {

	private static final Logger log = LoggerFactory.getLogger(CrmFailures.class);

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

	/**
	 * The codes in the JSON list HubSpot embeds in a validation message
	 * ({@code "error":"INVALID_EMAIL"}). Codes are upper-case identifiers, so a quoted
	 * value cannot match.
	 */
	private static final Pattern EMBEDDED_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([A-Z0-9_]+)\"");

	/**
	 * The property names in that list ({@code "name":"email"}); HubSpot's internal names
	 * are lower-case.
	 */
	private static final Pattern EMBEDDED_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([a-z0-9_]+)\"");

	/**
	 * Structured codes and property names are identifiers; anything else might be a
	 * quoted value.
	 */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

	private CrmFailures() {
	}

	/**
	 * Outages count against the circuit breaker; refusals do not, HubSpot answered them
	 * correctly.
	 */
	static boolean isOutage(Throwable failure) {
		return failure instanceof HubSpotCallFailed call
				&& (call.status() == 0 || call.status() >= 500 || call.status() == 423);
	}

	static ApplicationFailure classify(Throwable failure, Duration defaultRateLimitDelay, Duration openCircuitDelay) {
		if (failure instanceof ApplicationFailure decided) {
			// Already says what happened, e.g. the booking changed during the attempt.
			return decided;
		}
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
			return retryable(where + "HubSpot did not answer (" + call.body().message() + ")", "HubSpotUnreachable",
					null);
		}
		if (status >= 500 || status == 423) {
			return retryable(where + "HubSpot is unavailable (HTTP " + status + ")" + ref, "HubSpotUnavailable", null);
		}
		log.debug("{} refused by HubSpot (HTTP {}): {}", call.operation(), status, call.body().message());
		return ApplicationFailure.newNonRetryableFailure(masked(where + explain(call) + ref), type(call));
	}

	private static String explain(HubSpotCallFailed call) {
		// Status, HubSpot's category, error codes and property names: never HubSpot's
		// free text.
		String said = call.status() + (isBlank(call.body().category()) ? "" : " " + call.body().category())
				+ details(call);
		return switch (call.status()) {
			case 400 -> call.missingProperty()
				.map(name -> "HubSpot has no property '" + name + "' (PROPERTY_DOESNT_EXIST). The service creates its "
						+ "properties on first use: check that the private app has the crm.schemas.contacts.write "
						+ "scope, or create the property by hand (docs/hubspot.md), then retry the sync")
				.orElse("HubSpot refused the data (" + said + "). Correct the named property of the booking or the "
						+ "HubSpot property (HubSpot's full answer is in the worker log at DEBUG), then retry the sync");
			case 401 -> "HubSpot rejected the access token (" + said + "): set booking.crm.hubspot.access-token to the "
					+ "current token of the private app (it may have been rotated or the app deleted), then retry the "
					+ "sync";
			case 403 -> "the HubSpot private app lacks a permission (" + said + "): " + scopes(call.requiredScopes())
					+ ". Add the scope in HubSpot (Settings > Integrations > Private apps), then retry the sync";
			case 404 -> "HubSpot has no such object (" + said + "). It was probably deleted in HubSpot; clear the "
					+ "booking's CRM ids or recreate it, then retry";
			default -> "HubSpot refused the call (HTTP " + said + ")";
		};
	}

	/**
	 * HubSpot's error codes and the property names they concern, from
	 * {@code errors[].code} and {@code errors[].context} and from the JSON list a
	 * validation message embeds; "" when there are none.
	 */
	private static String details(HubSpotCallFailed call) {
		Set<String> codes = new LinkedHashSet<>();
		Set<String> properties = new LinkedHashSet<>();
		if (call.body().errors() != null) {
			for (HubSpotCallFailed.Detail error : call.body().errors()) {
				addIdentifier(codes, error.code());
				if (error.context() != null) {
					error.context()
						.entrySet()
						.stream()
						.filter(entry -> isPropertyKey(entry.getKey()) && entry.getValue() != null)
						.forEach(entry -> entry.getValue().forEach(name -> addIdentifier(properties, name)));
				}
			}
		}
		String message = call.body().message();
		if (message != null) {
			collect(EMBEDDED_CODE.matcher(message), codes);
			collect(EMBEDDED_NAME.matcher(message), properties);
		}
		return (codes.isEmpty() ? "" : "; " + String.join(", ", codes))
				+ (properties.isEmpty() ? "" : "; property " + String.join(", ", properties));
	}

	private static boolean isPropertyKey(String key) {
		String lower = key.toLowerCase();
		return lower.contains("property") || lower.equals("name");
	}

	private static void collect(Matcher matcher, Set<String> into) {
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static void addIdentifier(Set<String> into, String value) {
		if (value != null && IDENTIFIER.matcher(value).matches()) {
			into.add(value);
		}
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

	private static String scopes(List<String> scopes) {
		return scopes.isEmpty() ? "HubSpot did not name the scope (see the worker log at DEBUG)"
				: "missing scope " + String.join(" or ", scopes);
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
	 * No cause is attached: the failure goes into Temporal's history, which must not hold
	 * personal data, and HubSpot's raw answer may quote the values it refused.
	 */
	private static ApplicationFailure retryable(String message, String type, Duration delay) {
		return ApplicationFailure.newBuilder()
			.setMessage(masked(message))
			.setType(type)
			.setNonRetryable(false)
			.setNextRetryDelay(delay)
			.build();
	}

	/**
	 * The message becomes the booking's sync error and Temporal history: email addresses
	 * in it are masked, a last guard behind not forwarding HubSpot's free text at all.
	 */
	static String masked(String message) {
		return EMAIL.matcher(message).replaceAll("***@$1");
	}

	private static String orDefault(String value, String fallback) {
		return isBlank(value) ? fallback : value;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
