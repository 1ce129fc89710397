package com.acme.booking.calendar;

import java.time.Duration;

import com.acme.booking.config.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.URL;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Google Calendar integration ({@code booking.calendar.*}). When enabled, binding fails
 * (and the application refuses to start) unless the calendar id is set and the key file
 * is a readable service-account JSON key.
 *
 * @param enabled whether bookings are pushed to Google Calendar and its busy times read;
 * when on, {@code calendar-id} and {@code service-account-file} must be usable
 * @param calendarId the business calendar, shared with the service account ("Make changes
 * to events")
 * @param serviceAccountFile path of the service account's JSON key; its {@code token_uri}
 * is honoured
 * @param rootUrl root URL of the Calendar API, for proxies and test servers
 * @param connectTimeout how long to wait for a connection to Google
 * @param readTimeout how long to wait for Google's answer once connected
 * @param delegatedUser Workspace user the service account acts as (domain-wide
 * delegation); needed to invite attendees
 * @param inviteAttendees whether the customer is added as an attendee (only with a
 * delegated user)
 * @param sendUpdates who Google notifies of event changes: {@code all},
 * {@code externalOnly} or {@code none}
 * @param circuitBreaker when to stop calling Google for a while
 * @param ownerChanges what an owner's move or delete of a booking's event in Google does
 * (the calendar mirror sees it at its next poll, or at the daily full resync):
 * {@code follow} reschedules the booking to the event's new start, its length kept, or
 * cancels it, and the customer is told as usual; {@code flag} changes nothing but marks
 * the booking ({@code calendarDrift}, {@code GET /api/admin/bookings?drift=true}) for an
 * operator; {@code restore} puts the event back as the booking has it. Only with the
 * mirror ({@code booking.calendar.mirror.enabled})
 */
@Validated
@ConfigurationProperties("booking.calendar")
public record CalendarProperties(boolean enabled, String calendarId, String serviceAccountFile,
		@NotNull @URL(message = "must be an absolute URL, e.g. https://www.googleapis.com/") String rootUrl,
		@NotNull @PositiveDuration Duration connectTimeout, @NotNull @PositiveDuration Duration readTimeout,
		String delegatedUser, boolean inviteAttendees, SendUpdates sendUpdates,
		@Valid @NotNull CircuitBreaker circuitBreaker, @NotNull OwnerChanges ownerChanges) {

	static final String GOOGLE_ROOT_URL = "https://www.googleapis.com/";

	@ConstructorBinding
	public CalendarProperties(@DefaultValue("false") boolean enabled, String calendarId, String serviceAccountFile,
			@DefaultValue(GOOGLE_ROOT_URL) String rootUrl, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration readTimeout, String delegatedUser,
			@DefaultValue("false") boolean inviteAttendees, @DefaultValue("all") SendUpdates sendUpdates,
			@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue("follow") OwnerChanges ownerChanges) {
		this.enabled = enabled;
		this.calendarId = calendarId;
		this.serviceAccountFile = serviceAccountFile;
		this.rootUrl = rootUrl;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.delegatedUser = delegatedUser;
		this.inviteAttendees = inviteAttendees;
		this.sendUpdates = sendUpdates;
		this.circuitBreaker = circuitBreaker;
		this.ownerChanges = ownerChanges;
		if (enabled) {
			CalendarSettingsCheck.requireUsable(this);
		}
	}

	/** Owner changes followed. */
	public CalendarProperties(boolean enabled, String calendarId, String serviceAccountFile, String rootUrl,
			Duration connectTimeout, Duration readTimeout, String delegatedUser, boolean inviteAttendees,
			SendUpdates sendUpdates, CircuitBreaker circuitBreaker) {
		this(enabled, calendarId, serviceAccountFile, rootUrl, connectTimeout, readTimeout, delegatedUser,
				inviteAttendees, sendUpdates, circuitBreaker, OwnerChanges.FOLLOW);
	}

	/**
	 * The connection settings, everything else at its default.
	 */
	public CalendarProperties(boolean enabled, String calendarId, String serviceAccountFile, String rootUrl) {
		this(enabled, calendarId, serviceAccountFile, rootUrl, Duration.ofSeconds(5), Duration.ofSeconds(10), null,
				false, SendUpdates.ALL, new CircuitBreaker(50, 10, 5, Duration.ofSeconds(30), 3, Duration.ofSeconds(30),
						Duration.ofSeconds(2)));
	}

	/**
	 * A conservative bound of one sync attempt: up to four Calendar calls (get, insert or
	 * patch, the 409 re-read), each within connect and read timeout, plus a token fetch,
	 * which the Google auth library bounds only by its own 20s timeouts and three retries
	 * (about 3 minutes).
	 */
	Duration worstAttempt() {
		return connectTimeout.plus(readTimeout).multipliedBy(4).plus(Duration.ofMinutes(3));
	}

	/**
	 * Whether the customer becomes an attendee: asked for, and possible because a
	 * delegated user is set.
	 */
	boolean invitesAttendees() {
		return inviteAttendees && delegatedUser != null && !delegatedUser.isBlank();
	}

	/** What an owner's move or delete of a booking's event in Google does. */
	public enum OwnerChanges {

		/** The booking follows: rescheduled to the event's new start, or cancelled. */
		FOLLOW,
		/** Nothing changes; the booking is marked for an operator. */
		FLAG,
		/** The event is put back as the booking has it. */
		RESTORE

	}

	/** Google's {@code sendUpdates} values. */
	public enum SendUpdates {

		ALL("all"), EXTERNAL_ONLY("externalOnly"), NONE("none");

		private final String wireValue;

		SendUpdates(String wireValue) {
			this.wireValue = wireValue;
		}

		String wireValue() {
			return wireValue;
		}

	}

	/**
	 * Resilience4j circuit breaker around every Calendar call. Only transient failures
	 * (I/O, 429, 5xx, rate limits) count; a permanent error means Google answered, so it
	 * says nothing about Google being down.
	 *
	 * @param failureRateThreshold percentage of failed calls that opens the circuit
	 * @param slidingWindowSize how many recent calls the rate is computed over
	 * @param minimumCalls calls needed before the rate is judged at all
	 * @param waitInOpenState how long the circuit stays open before letting trial calls
	 * through
	 * @param permittedCallsInHalfOpenState trial calls let through once the wait is over:
	 * the first that succeeds closes the circuit, this many failures in a row open it
	 * again
	 * @param maxWaitInHalfOpenState longest time the circuit stays half-open; an idle one
	 * then closes
	 * @param refusedCallRetryDelay when a sync attempt refused by the open circuit is
	 * tried again
	 */
	public record CircuitBreaker(@DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
			@Min(1) @DefaultValue("10") int slidingWindowSize, @Min(1) @DefaultValue("5") int minimumCalls,
			@NotNull @PositiveDuration @DefaultValue("30s") Duration waitInOpenState,
			@Min(1) @DefaultValue("3") int permittedCallsInHalfOpenState,
			@NotNull @PositiveDuration @DefaultValue("30s") Duration maxWaitInHalfOpenState,
			@NotNull @PositiveDuration @DefaultValue("2s") Duration refusedCallRetryDelay) {
	}

}
