package com.acme.booking.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Start times that the default rules offer: weekdays, 09:00-17:00 Europe/London, a
 * 30-minute grid.
 */
public final class Slots {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final AtomicInteger next = new AtomicInteger();

	private Slots() {
	}

	/**
	 * A free slot no other test in this JVM gets: 09:00, 11:00, 13:00 or 15:00, weekdays
	 * from 3 days ahead. Two hours apart, so a booking stretched to an hour still keeps
	 * the buffer to the next one.
	 */
	public static Instant fresh() {
		int n = next.getAndIncrement();
		LocalDate date = nextWeekday(LocalDate.now(LONDON).plusDays(3));
		for (int day = 0; day < n / 4; day++) {
			date = nextWeekday(date.plusDays(1));
		}
		return ZonedDateTime.of(date, LocalTime.of(9 + 2 * (n % 4), 0), LONDON).toInstant();
	}

	/**
	 * A weekday at least {@code daysAhead} days from today, at {@code time} London time.
	 */
	public static Instant weekday(int daysAhead, LocalTime time) {
		return ZonedDateTime.of(nextWeekday(LocalDate.now(LONDON).plusDays(daysAhead)), time, LONDON).toInstant();
	}

	private static LocalDate nextWeekday(LocalDate date) {
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(1);
		}
		return date;
	}

}
