package com.acme.booking.calendar;

import java.time.Clock;
import java.time.Duration;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingRulesProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's part of the calendar integration: the busy-time mirror that slot listings
 * read, and the owner-change polling that rides on it. The worker never checks slots, so
 * it has neither; the Google client they use is the activities module's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(CalendarMirrorProperties.class)
class CalendarMirrorBeans {

	/** Started with the context, so it is usually in step before the first booking. */
	@Bean
	@ConditionalOnBooleanProperty("booking.calendar.enabled")
	@ConditionalOnBooleanProperty(name = "booking.calendar.mirror.enabled", matchIfMissing = true)
	CalendarMirror calendarMirror(GoogleCalendar calendar, CalendarMirrorProperties settings,
			CalendarProperties properties, BookingRulesProperties rules, BookingRepository bookings, Clock clock,
			ApplicationEventPublisher events, ObjectProvider<MeterRegistry> meters) {
		// The last bookable date's window ends up to a day and a buffer after
		// max-advance.
		Duration horizon = rules.maxAdvance().plus(Duration.ofDays(2)).plus(rules.buffer());
		OwnCalendarEvents ownEvents = new OwnCalendarEvents(calendar, rules.timeZone());
		OwnerChanges ownerChanges = new OwnerChanges(calendar, ownEvents, bookings, properties.ownerChanges(),
				rules.buffer(), clock, events, meters.getIfAvailable(() -> Metrics.globalRegistry));
		return new CalendarMirror(new MirrorSync(calendar, ownEvents), settings, horizon, clock, events, ownerChanges);
	}

}
