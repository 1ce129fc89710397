package com.acme.booking.calendar;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.acme.booking.sync.RetryAfter;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.Retryable;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.temporal.failure.ApplicationFailure;

/**
 * Sorts Calendar errors into what a retry can fix (I/O, 429, 5xx, rate limits, 412 on a
 * conditional write, an open circuit) and what only an operator can (bad credentials,
 * missing sharing, unknown calendar, invalid data). Permanent ones become non-retryable
 * failures whose message says what to fix; it ends up as the booking's manual-sync
 * reason.
 * <p>
 * Google's exception is never attached as the cause: its message holds the request URL
 * and Google's full JSON answer, and cause and stack would go into Temporal's history.
 * The sync activity logs it locally instead.
 */
final class CalendarFailures {

	/** Google's 403 reasons that mean "slow down", not "forbidden". */
	private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded",
			"quotaExceeded");

	private final Clock clock;

	private final String calendarId;

	private final String serviceAccount;

	private final String delegatedUser;

	private final Duration openCircuitDelay;

	/**
	 * @param delegatedUser the Workspace user impersonated, or null without domain-wide
	 * delegation
	 * @param openCircuitDelay when a call refused by the open circuit is tried again:
	 * soon, because the circuit lets trial calls through on its own once its wait is
	 * over, which may be a moment after the refusal
	 */
	CalendarFailures(Clock clock, String calendarId, String serviceAccount, String delegatedUser,
			Duration openCircuitDelay) {
		this.clock = clock;
		this.calendarId = calendarId;
		this.serviceAccount = serviceAccount;
		this.delegatedUser = delegatedUser == null || delegatedUser.isBlank() ? null : delegatedUser;
		this.openCircuitDelay = openCircuitDelay;
	}

	CalendarFailures(Clock clock, CalendarProperties properties, String serviceAccount) {
		this(clock, properties.calendarId(), serviceAccount, properties.delegatedUser(),
				properties.circuitBreaker().refusedCallRetryDelay());
	}

	/**
	 * Whether the failure says Google (or the way there) is in trouble; only these count
	 * for the circuit.
	 */
	static boolean isTransient(Throwable error) {
		if (error instanceof GoogleJsonResponseException google) {
			int status = google.getStatusCode();
			return status == 429 || status >= 500 || (status == 403 && RATE_LIMIT_REASONS.contains(reason(google)));
		}
		if (error instanceof Retryable retryable) {
			return retryable.isRetryable();
		}
		return error instanceof IOException;
	}

	static boolean is(Throwable error, int status) {
		return error instanceof GoogleJsonResponseException google && google.getStatusCode() == status;
	}

	static boolean is(Throwable error, int status, String reason) {
		return is(error, status) && reason.equals(reason((GoogleJsonResponseException) error));
	}

	/**
	 * The first error reason Google gave ({@code duplicate},
	 * {@code rateLimitExceeded}...), or null.
	 */
	static String reason(GoogleJsonResponseException error) {
		GoogleJsonError details = error.getDetails();
		if (details == null || details.getErrors() == null || details.getErrors().isEmpty()) {
			return null;
		}
		return details.getErrors().get(0).getReason();
	}

	/** One line for health reports and the integration check. */
	static String describe(Throwable error) {
		if (error instanceof GoogleJsonResponseException google) {
			GoogleJsonError details = google.getDetails();
			String reason = reason(google);
			return google.getStatusCode() + (reason != null ? " " + reason : "") + ": "
					+ (details != null && details.getMessage() != null ? details.getMessage()
							: google.getStatusMessage());
		}
		if (error instanceof CallNotPermittedException) {
			return "circuit breaker open: recent calls to Google Calendar failed";
		}
		if (error instanceof Retryable && error.getCause() instanceof HttpResponseException token) {
			return "token endpoint answered " + token.getStatusCode() + ": " + firstLine(token.getContent());
		}
		return error.getClass().getSimpleName()
				+ (error.getMessage() != null ? ": " + firstLine(error.getMessage()) : "");
	}

	/**
	 * The Temporal failure for {@code error}; unknown runtime errors are returned as they
	 * are.
	 */
	RuntimeException toFailure(Exception error) {
		if (error instanceof CallNotPermittedException) {
			return retryable(describe(error), "CalendarCircuitOpen", openCircuitDelay);
		}
		if (error instanceof GoogleJsonResponseException google) {
			return fromResponse(google);
		}
		if (error instanceof Retryable retryable && error instanceof IOException && !retryable.isRetryable()) {
			return permanent("Google's token endpoint refused the service account key (" + describe(error) + "): "
					+ credentialsAdvice(), "CalendarCredentialsRejected");
		}
		if (error instanceof IOException) {
			return retryable("Google Calendar could not be reached: " + describe(error), "CalendarUnavailable", null);
		}
		return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
	}

	/**
	 * With delegation the likeliest refusal is {@code unauthorized_client}: the Workspace
	 * admin has not granted the service account's client id the calendar scope, and a new
	 * key would not help.
	 */
	private String credentialsAdvice() {
		String newKey = "the key may have been deleted or disabled, or the service account removed. Create a new JSON "
				+ "key for " + serviceAccount + " and point booking.calendar.service-account-file at it";
		if (delegatedUser == null) {
			return newKey;
		}
		return "if it says unauthorized_client, domain-wide delegation is not granted: a Workspace admin must grant "
				+ "the client id of " + serviceAccount + " the scope https://www.googleapis.com/auth/calendar "
				+ "(Admin console, Security, API controls, Domain-wide delegation) and " + delegatedUser
				+ " must be an active user of that Workspace. Otherwise " + newKey;
	}

	private RuntimeException fromResponse(GoogleJsonResponseException error) {
		int status = error.getStatusCode();
		String reason = reason(error);
		String said = describe(error);
		if (isTransient(error)) {
			String type = status == 429 || status == 403 ? "CalendarRateLimited" : "CalendarUnavailable";
			return retryable("Google Calendar answered " + said, type, retryAfter(error));
		}
		if (status == 412) {
			return retryable("The event changed at Google during the attempt (" + said + "); trying again from the "
					+ "current state", "CalendarEventChangedDuringAttempt", null);
		}
		if (status == 401) {
			return permanent("Google rejected the service account's credentials (" + said + "): check that the key in "
					+ "booking.calendar.service-account-file is current and the service account " + serviceAccount
					+ " is enabled", "CalendarCredentialsRejected");
		}
		if (status == 403 && "forbiddenForServiceAccounts".equals(reason)) {
			return permanent("Service accounts cannot invite attendees without domain-wide delegation (" + said
					+ "): set booking.calendar.delegated-user to a Workspace user and grant the delegation, or set "
					+ "booking.calendar.invite-attendees=false", "CalendarInvitationsNotAllowed");
		}
		if (status == 403 && "accessNotConfigured".equals(reason)) {
			return permanent("The Google Calendar API is not enabled for the service account's project (" + said
					+ "): enable it in Google Cloud console, APIs and services", "CalendarApiDisabled");
		}
		if (status == 403) {
			return permanent(
					"The service account " + serviceAccount + " may not change calendar " + calendarId + " (" + said
							+ "): share the calendar with it with the permission \"Make changes to events\"",
					"CalendarAccessDenied");
		}
		if (status == 404) {
			return permanent(
					"Calendar " + calendarId + " was not found (" + said + "): check "
							+ "booking.calendar.calendar-id and that the calendar is shared with " + serviceAccount,
					"CalendarNotFound");
		}
		return permanent("Google Calendar refused the request (" + said + "); fix the booking's data or the "
				+ "booking.calendar settings, then retry the sync", "CalendarRequestRejected");
	}

	/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
	Duration retryAfter(HttpResponseException error) {
		return RetryAfter.parse(error.getHeaders().getRetryAfter(), clock.instant());
	}

	/** Google's exception is not attached: see the class comment. */
	private static ApplicationFailure retryable(String message, String type, Duration delay) {
		ApplicationFailure.Builder failure = ApplicationFailure.newBuilder()
			.setMessage(message)
			.setType(type)
			.setNonRetryable(false);
		if (delay != null) {
			failure.setNextRetryDelay(delay);
		}
		return failure.build();
	}

	private static ApplicationFailure permanent(String message, String type) {
		return ApplicationFailure.newNonRetryableFailure(message, type);
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}

}
