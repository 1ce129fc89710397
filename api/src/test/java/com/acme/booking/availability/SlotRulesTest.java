package com.acme.booking.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.acme.booking.core.BookingRulesProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlotRulesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(RulesOnly.class);

	@Test
	void parsesSeveralRangesPerDayInOrderAndIgnoresCaseOfDays() {
		BusinessHours hours = BusinessHours
			.parse(Map.of("monday", "13:00-17:00, 09:00-12:00", "SATURDAY", "10:00-24:00", "SUNDAY", ""));

		assertThat(hours.on(DayOfWeek.MONDAY)).containsExactly(
				new OpeningRange(LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new OpeningRange(LocalTime.of(13, 0), LocalTime.of(17, 0)));
		assertThat(hours.on(DayOfWeek.SATURDAY)).extracting(OpeningRange::toString).containsExactly("10:00-24:00");
		assertThat(hours.on(DayOfWeek.SUNDAY)).isEmpty();
		assertThat(hours.on(DayOfWeek.TUESDAY)).isEmpty();
		assertThat(hours.week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
	}

	@Test
	void withoutConfigurationOpensWeekdaysNineToFive() {
		assertThat(BusinessHours.parse(null).week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
				DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		assertThat(BusinessHours.parse(Map.of()).on(DayOfWeek.FRIDAY)).extracting(OpeningRange::toString)
			.containsExactly("09:00-17:00");
	}

	@Test
	void refusesMalformedRangesNamingTheProperty() {
		for (String bad : List.of("9-17", "09:00", "09:00-12:00-13:00", "17:00-09:00", "09:00-09:00", "25:00-26:00",
				"09:00-00:00", "09:00-12:00,,13:00-17:00")) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> BusinessHours.parse(Map.of("MONDAY", bad)))
				.withMessageStartingWith("booking.rules.business-hours.MONDAY='" + bad + "': ");
		}
	}

	@Test
	void refusesOverlappingRangesAndUnknownDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BusinessHours.parse(Map.of("MONDAY", "09:00-12:00,11:00-13:00")))
			.withMessageContaining("ranges 09:00-12:00 and 11:00-13:00 overlap");
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.parse(Map.of("MONDAI", "09:00-12:00")))
			.withMessageContaining("'MONDAI' is not a day of the week");
	}

	@Test
	void invalidBusinessHoursStopTheApplicationWithAClearMessage() {
		context.withPropertyValues("booking.rules.business-hours.MONDAY=9am-5pm").run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("booking.rules.business-hours.MONDAY='9am-5pm'")
				.hasMessageContaining("expected e.g. 09:00-12:00,13:00-17:00");
		});
	}

	@Test
	void inconsistentDurationsStopTheApplication() {
		context.withPropertyValues("booking.rules.default-duration=5m").run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("booking.rules.default-duration");
		});
		context.withPropertyValues("booking.rules.slot-step=0m").run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("booking.rules.slot-step");
		});
	}

	@Test
	void validConfigurationStarts() {
		context
			.withPropertyValues("booking.rules.business-hours.MONDAY=09:00-12:00,13:00-17:00",
					"booking.rules.time-zone=Australia/Lord_Howe")
			.run(started -> assertThat(started.getBean(SlotRules.class).hours().on(DayOfWeek.MONDAY)).hasSize(2));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BookingRulesProperties.class)
	@Import(SlotRules.class)
	static class RulesOnly {

	}

}
