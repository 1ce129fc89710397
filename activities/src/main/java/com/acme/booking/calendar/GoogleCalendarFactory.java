package com.acme.booking.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.acme.booking.sync.Breakers;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.CalendarScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Calendar client from {@code booking.calendar.*}: credentials, timeouts, root
 * URL, circuit breaker.
 */
final class GoogleCalendarFactory {

	private static final Logger log = LoggerFactory.getLogger(GoogleCalendarFactory.class);

	private static final String APPLICATION_NAME = "acme-booking";

	private GoogleCalendarFactory() {
	}

	static GoogleCalendar create(CalendarProperties properties) {
		HttpTransport transport = new NetHttpTransport();
		GoogleCredentials credentials = credentials(properties, transport);
		HttpCredentialsAdapter authorizer = new HttpCredentialsAdapter(credentials);
		HttpRequestInitializer initializer = request -> {
			authorizer.initialize(request);
			request.setConnectTimeout((int) properties.connectTimeout().toMillis());
			request.setReadTimeout((int) properties.readTimeout().toMillis());
		};
		Calendar api = new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
			.setRootUrl(properties.rootUrl())
			.setApplicationName(APPLICATION_NAME)
			.build();
		log.info("Google Calendar sync enabled: calendar {}, service account {}{}", properties.calendarId(),
				clientEmail(credentials), properties.invitesAttendees()
						? ", acting as " + properties.delegatedUser() + ", inviting customers" : "");
		return new GoogleCalendar(api, credentials, circuitBreaker(properties.circuitBreaker()), properties);
	}

	/**
	 * The key's own {@code token_uri} is used for tokens, so a test or proxy token
	 * endpoint works.
	 */
	private static GoogleCredentials credentials(CalendarProperties properties, HttpTransport transport) {
		try (InputStream key = Files.newInputStream(Path.of(properties.serviceAccountFile()))) {
			GoogleCredentials credentials = ServiceAccountCredentials.fromStream(key, () -> transport)
				.createScoped(List.of(CalendarScopes.CALENDAR));
			return properties.invitesAttendees() ? credentials.createDelegated(properties.delegatedUser())
					: credentials;
		}
		catch (IOException ex) {
			// The message names the file, never its content.
			throw new UncheckedIOException("Could not read the service account key " + properties.serviceAccountFile()
					+ " (booking.calendar.service-account-file): " + ex.getMessage(), ex);
		}
	}

	static CircuitBreaker circuitBreaker(CalendarProperties.CircuitBreaker settings) {
		CircuitBreaker breaker = Breakers.create("google-calendar",
				CircuitBreakerConfig.custom()
					.failureRateThreshold(settings.failureRateThreshold())
					.slidingWindowSize(settings.slidingWindowSize())
					.minimumNumberOfCalls(settings.minimumCalls())
					.waitDurationInOpenState(settings.waitInOpenState())
					.recordException(CalendarFailures::isTransient)
					.ignoreExceptions(CallNotPermittedException.class),
				settings.permittedCallsInHalfOpenState(), settings.maxWaitInHalfOpenState());
		breaker.getEventPublisher()
			.onStateTransition(event -> log.warn("Google Calendar circuit breaker: {}",
					event.getStateTransition().getFromState() + " -> " + event.getStateTransition().getToState()));
		return breaker;
	}

	static String clientEmail(GoogleCredentials credentials) {
		return credentials instanceof ServiceAccountCredentials account ? account.getClientEmail() : "(unknown)";
	}

}
