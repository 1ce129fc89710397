package com.acme.booking.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start times that the default rules offer (weekdays, 09:00-17:00 Europe/London, a
 * 30-minute grid), handed out so that no two test classes of a JVM ever get the same one,
 * whatever order they run in and whatever the date ({@link TestClock}).
 *
 * <p>
 * Every slot lies on a weekday from two weeks ahead on: the booking page opens on this
 * week and the next, where the browser tests book whatever time is free. Each weekday
 * from there is claimed once, either for {@link #fresh()} or as a day of one test class
 * ({@link #day(int)}), until the 90 days' advance runs out.
 */
public final class Slots {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	/**
	 * Today when the first slot was asked for: a run that passes midnight keeps its days.
	 */
	private static final LocalDate TODAY = TestClock.today(LONDON);

	private static final LocalDate FIRST = nextWeekday(TODAY.plusDays(14));

	/**
	 * The last day whose times all start within the 90 days' advance of any hour today.
	 */
	private static final LocalDate LAST = TODAY.plusDays(88);

	/**
	 * Two hours apart, so a booking stretched to an hour still keeps the buffer to the
	 * next one.
	 */
	private static final List<LocalTime> FRESH_TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(11, 0),
			LocalTime.of(13, 0), LocalTime.of(15, 0));

	private static LocalDate unclaimed = FIRST;

	private static LocalDate freshDay;

	private static int freshTaken = FRESH_TIMES.size();

	private static final Map<Class<?>, List<LocalDate>> days = new HashMap<>();

	private Slots() {
	}

	/** Today in London, as the tests' clock has it. */
	public static LocalDate today() {
		return TestClock.today(LONDON);
	}

	/**
	 * A free slot no other call in this JVM gets: 09:00, 11:00, 13:00 or 15:00 London
	 * time on days that no {@link #day(int)} shares.
	 */
	public static synchronized Instant fresh() {
		if (freshTaken == FRESH_TIMES.size()) {
			freshDay = claim("Slots.fresh()");
			freshTaken = 0;
		}
		return at(freshDay, FRESH_TIMES.get(freshTaken++));
	}

	/**
	 * The {@code n}-th weekday (from 0) of the calling test class: the same date for the
	 * same {@code n}, with no booking of any other test class on it. For tests that book
	 * times of their choosing, or look at a whole day.
	 */
	public static synchronized LocalDate day(int n) {
		Class<?> test = callingTestClass();
		List<LocalDate> own = days.computeIfAbsent(test, key -> new ArrayList<>());
		while (own.size() <= n) {
			own.add(claim(test.getSimpleName()));
		}
		return own.get(n);
	}

	/** {@code time} London time on {@code day}. */
	public static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, LONDON).toInstant();
	}

	private static LocalDate claim(String by) {
		LocalDate day = unclaimed;
		if (day.isAfter(LAST)) {
			throw new IllegalStateException("No weekday left for " + by + ": the days from " + FIRST + " to " + LAST
					+ " are all taken; give tests fewer days of their own or more slots per day");
		}
		unclaimed = nextWeekday(day.plusDays(1));
		return day;
	}

	/**
	 * The outermost class of this code base on the stack: the test class, also when a
	 * helper asks on its behalf.
	 */
	private static Class<?> callingTestClass() {
		Optional<Class<?>> outermost = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
			.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
				.filter(type -> type.getName().startsWith("com.acme.booking.") && type != Slots.class)
				.reduce((inner, outer) -> outer));
		return outermost.map(Class::getNestHost).orElseThrow();
	}

	private static LocalDate nextWeekday(LocalDate date) {
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(1);
		}
		return date;
	}

}
