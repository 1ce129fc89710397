package com.acme.booking.startup;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up summary writes durations the way operators configure them. */
class StartupSummaryTest {

	@Test
	void writesDurationsAsConfiguredNotInIsoForm() {
		assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
		assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
		assertThat(Durations.format(Duration.ofDays(90))).isEqualTo("90d");
		assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
		assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
		assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
	}

}
