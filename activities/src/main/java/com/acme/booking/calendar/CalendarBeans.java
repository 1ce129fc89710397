package com.acme.booking.calendar;

import java.time.Clock;
import java.time.ZoneId;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.probe.IntegrationCheck;
import com.acme.booking.sync.AttemptTimeouts;
import com.acme.booking.sync.SyncProperties;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar integration's beans. The Google client exists only when
 * {@code booking.calendar.enabled}; the beans other modules use ({@code busyTimes},
 * {@code calendarHealthIndicator}, {@code calendarCheck}) always exist and say "disabled"
 * or "nothing busy" without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CalendarProperties.class, BookingRulesProperties.class })
class CalendarBeans {

	@Bean
	@ConditionalOnBooleanProperty("booking.calendar.enabled")
	GoogleCalendar googleCalendar(CalendarProperties properties, ObjectProvider<SyncProperties> sync) {
		sync.ifAvailable(settings -> requireAttemptTimeoutCovers(properties, settings));
		return GoogleCalendarFactory.create(properties);
	}

	static void requireAttemptTimeoutCovers(CalendarProperties properties, SyncProperties sync) {
		AttemptTimeouts.requireCovers(sync.attemptTimeout(), "Google Calendar", properties.worstAttempt(),
				"4 x (booking.calendar.connect-timeout + read-timeout) + 3m for a token fetch");
	}

	@Bean
	@ConditionalOnBooleanProperty("booking.calendar.enabled")
	EventSync calendarEventSync(GoogleCalendar calendar, CalendarProperties properties, BookingRepository bookings,
			BookingRulesProperties rules) {
		ZoneId businessZone = rules.timeZone();
		return new EventSync(calendar, new BookingEvents(businessZone, properties.invitesAttendees()),
				new OwnCalendarEvents(calendar, businessZone), bookings::findById);
	}

	@Bean
	@ConditionalOnBooleanProperty("booking.calendar.enabled")
	CalendarFailures calendarFailures(GoogleCalendar calendar, CalendarProperties properties, Clock clock) {
		return new CalendarFailures(clock, properties, calendar.serviceAccountEmail());
	}

	@Bean
	BusyTimes busyTimes(ObjectProvider<GoogleCalendar> calendar, BookingRulesProperties rules) {
		GoogleCalendar google = calendar.getIfAvailable();
		return google != null ? new GoogleBusyTimes(google, new OwnCalendarEvents(google, rules.timeZone()))
				: BusyTimes.NONE;
	}

	/**
	 * Actuator names it {@code calendar}: {@code /actuator/health/calendar} and the part
	 * of {@code /api/health}.
	 */
	@Bean
	CalendarHealthIndicator calendarHealthIndicator(ObjectProvider<GoogleCalendar> calendar, Clock clock) {
		return new CalendarHealthIndicator(calendar.getIfAvailable(), clock);
	}

	/**
	 * {@code resilience4j_circuitbreaker_state{name="google-calendar"}} and the breaker's
	 * call counts.
	 */
	@Bean
	MeterBinder calendarCircuitBreakerMetrics(ObjectProvider<GoogleCalendar> calendar) {
		return registry -> calendar.ifAvailable(
				google -> new TaggedCircuitBreakerMetricsPublisher(registry).publishMetrics(google.circuitBreaker()));
	}

	@Bean
	IntegrationCheck calendarCheck(ObjectProvider<GoogleCalendar> calendar, Clock clock) {
		return new CalendarCheck(calendar.getIfAvailable(), clock);
	}

}
