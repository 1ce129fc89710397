package com.acme.booking.crm;

import java.time.Duration;
import java.util.regex.Pattern;

import com.acme.booking.config.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.URL;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HubSpot CRM integration ({@code booking.crm.*}). When enabled, the token must look like
 * a private app token, else the application refuses to start and says what to fix; when
 * disabled nothing is checked.
 *
 * @param enabled whether bookings are pushed to HubSpot
 * @param hubspot the HubSpot connection
 * @param contactCacheTtl how long a contact id found for an email address is reused
 * before HubSpot is asked again
 * @param circuitBreaker when to stop calling HubSpot for a while after repeated outages
 */
@Validated
@ConfigurationProperties("booking.crm")
public record CrmProperties(@DefaultValue("false") boolean enabled, @Valid @NotNull @DefaultValue HubSpot hubspot,
		@NotNull @PositiveDuration @DefaultValue("30m") Duration contactCacheTtl,
		@Valid @NotNull @DefaultValue CircuitBreaker circuitBreaker) {

	/** {@code pat-<region>-<uuid>}, e.g. {@code pat-na1-…} or {@code pat-eu1-…}. */
	static final Pattern PRIVATE_APP_TOKEN = Pattern.compile(
			"pat-[a-z]{2,4}\\d{0,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
			Pattern.CASE_INSENSITIVE);

	public CrmProperties {
		if (enabled) {
			// The message never repeats the token: it ends up in startup logs.
			String token = hubspot.accessToken();
			if (token == null || token.isBlank()) {
				throw new IllegalArgumentException(
						"booking.crm.enabled=true but booking.crm.hubspot.access-token is not "
								+ "set: create a HubSpot private app (docs/hubspot.md) and set its access token, "
								+ "or set booking.crm.enabled=false");
			}
			if (!PRIVATE_APP_TOKEN.matcher(token.strip()).matches()) {
				throw new IllegalArgumentException("booking.crm.hubspot.access-token does not look like a HubSpot "
						+ "private app token (pat-<region>-<uuid>, e.g. pat-na1-... or pat-eu1-...): copy the access "
						+ "token from Settings > Integrations > Private apps > your app > Auth (an API key, OAuth "
						+ "token or client secret does not work)");
			}
		}
	}

	/**
	 * A conservative bound of one sync attempt: up to twelve HubSpot calls (contact
	 * create, read and update, meeting read and upsert, association, schema creation on
	 * first use), each within connect and read timeout.
	 */
	Duration worstAttempt() {
		return hubspot.connectTimeout().plus(hubspot.readTimeout()).multipliedBy(12);
	}

	/**
	 * @param accessToken private app token ({@code pat-<region>-<uuid>}), required when
	 * enabled; never logged
	 * @param baseUrl root of HubSpot's API
	 * @param connectTimeout how long to wait for a connection to HubSpot
	 * @param readTimeout how long to wait for HubSpot's answer; an attempt that times out
	 * is retried
	 * @param defaultRateLimitDelay wait before retrying a 429 that carries no
	 * {@code Retry-After} (HubSpot's burst limit is per ten seconds)
	 */
	public record HubSpot(String accessToken, @NotNull @URL(
			message = "must be an absolute URL, e.g. https://api.hubapi.com") @DefaultValue("https://api.hubapi.com") String baseUrl,
			@NotNull @PositiveDuration @DefaultValue("5s") Duration connectTimeout,
			@NotNull @PositiveDuration @DefaultValue("15s") Duration readTimeout,
			@NotNull @PositiveDuration @DefaultValue("10s") Duration defaultRateLimitDelay) {

		@Override
		public String toString() {
			return "HubSpot[baseUrl=" + baseUrl + ", accessToken=" + (accessToken == null ? "unset" : "***") + "]";
		}

	}

	/**
	 * @param failureRateThreshold percentage of failed recent calls (outages only, not
	 * refusals) that opens it
	 * @param slidingWindowSize how many recent calls are judged
	 * @param minimumNumberOfCalls calls needed before the rate is judged at all
	 * @param waitInOpenState how long HubSpot is left alone before trial calls
	 * @param permittedCallsInHalfOpenState trial calls let through once the wait is over:
	 * the first that succeeds closes the circuit, this many failures in a row open it
	 * again
	 * @param maxWaitInHalfOpenState longest time the circuit stays half-open; an idle one
	 * then closes
	 * @param refusedCallRetryDelay when a sync attempt refused by the open circuit is
	 * tried again
	 */
	public record CircuitBreaker(@DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
			@Min(1) @DefaultValue("20") int slidingWindowSize, @Min(1) @DefaultValue("10") int minimumNumberOfCalls,
			@NotNull @PositiveDuration @DefaultValue("30s") Duration waitInOpenState,
			@Min(1) @DefaultValue("3") int permittedCallsInHalfOpenState,
			@NotNull @PositiveDuration @DefaultValue("30s") Duration maxWaitInHalfOpenState,
			@NotNull @PositiveDuration @DefaultValue("2s") Duration refusedCallRetryDelay) {
	}

}
