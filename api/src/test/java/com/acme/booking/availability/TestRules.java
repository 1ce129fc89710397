package com.acme.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.core.BookingRulesProperties.Frequency;

/** Rules as the tests need them, starting from the documented defaults. */
final class TestRules {

	private ZoneId zone = ZoneId.of("Europe/London");

	private final Map<String, String> hours = new LinkedHashMap<>();

	private Duration step = Duration.ofMinutes(30);

	private Duration buffer = Duration.ofMinutes(15);

	private Duration minNotice = Duration.ofHours(2);

	private Duration maxAdvance = Duration.ofDays(90);

	static TestRules defaults() {
		return new TestRules();
	}

	TestRules zone(String id) {
		this.zone = ZoneId.of(id);
		return this;
	}

	TestRules hours(String day, String ranges) {
		hours.put(day, ranges);
		return this;
	}

	TestRules everyDay(String ranges) {
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.put(day, ranges);
		}
		return this;
	}

	TestRules step(Duration step) {
		this.step = step;
		return this;
	}

	TestRules buffer(Duration buffer) {
		this.buffer = buffer;
		return this;
	}

	TestRules minNotice(Duration minNotice) {
		this.minNotice = minNotice;
		return this;
	}

	TestRules maxAdvance(Duration maxAdvance) {
		this.maxAdvance = maxAdvance;
		return this;
	}

	BookingRulesProperties properties() {
		return new BookingRulesProperties(zone, hours.isEmpty() ? null : Map.copyOf(hours), Duration.ofMinutes(30),
				Duration.ofMinutes(15), Duration.ofHours(4), step, buffer, minNotice, maxAdvance, 30,
				new Frequency(3, Duration.ofDays(7)), false, Duration.ofMinutes(15));
	}

	SlotRules rules() {
		return new SlotRules(properties());
	}

	SlotEngine engine(String now) {
		return new SlotEngine(rules(), clock(now));
	}

	static Clock clock(String now) {
		return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
	}

	static Interval slot(String start, String end) {
		return new Interval(Instant.parse(start), Instant.parse(end));
	}

	/**
	 * {@code count} back-to-back slots of {@code minutes}, the first starting at
	 * {@code firstStart} (UTC).
	 */
	static List<Interval> run(String firstStart, int count, int minutes) {
		Instant start = Instant.parse(firstStart);
		return IntStream.range(0, count)
			.mapToObj(i -> new Interval(start.plus(Duration.ofMinutes((long) i * minutes)),
					start.plus(Duration.ofMinutes((long) (i + 1) * minutes))))
			.toList();
	}

	/** Several lists one after the other. */
	@SafeVarargs
	static List<Interval> concat(List<Interval>... parts) {
		return Arrays.stream(parts).flatMap(List::stream).toList();
	}

}
