package com.acme.booking.availability;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import com.acme.booking.calendar.BusyPeriod;
import com.acme.booking.calendar.CalendarBusyChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the calendar mirror's changes into {@link BusyTimesChanged} for each bookable
 * date they can block (buffer included), so cached slot lists of those dates are dropped,
 * here and on other instances, at the next poll rather than when the cache expires.
 */
@Component
class CalendarMirrorChanges {

	private final SlotEngine engine;

	private final SlotRules rules;

	private final ApplicationEventPublisher events;

	CalendarMirrorChanges(SlotEngine engine, SlotRules rules, ApplicationEventPublisher events) {
		this.engine = engine;
		this.rules = rules;
		this.events = events;
	}

	@EventListener
	void changed(CalendarBusyChanged changed) {
		Set<LocalDate> days = new TreeSet<>();
		for (BusyPeriod period : changed.periods()) {
			days.addAll(engine.bookableDays(engine.dateOf(period.start().minus(rules.buffer())),
					engine.dateOf(period.end().plus(rules.buffer()))));
		}
		days.forEach(day -> events.publishEvent(new BusyTimesChanged(day)));
	}

}
