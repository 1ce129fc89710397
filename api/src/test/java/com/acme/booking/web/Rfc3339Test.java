package com.acme.booking.web;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The RFC 3339 date-times OffsetDateTime leaves out, read for the instant they name. */
class Rfc3339Test {

	@Test
	void readsOffsetsBeyondJavasEighteenHoursAsTheSameInstant() {
		assertThat(Rfc3339.parse("2026-12-01T09:00:00-20:30")).map(OffsetDateTime::toInstant)
			.contains(Instant.parse("2026-12-02T05:30:00Z"));
		assertThat(Rfc3339.parse("2026-12-01T09:00:00+23:59")).map(OffsetDateTime::toInstant)
			.contains(Instant.parse("2026-11-30T09:01:00Z"));
	}

	@Test
	void readsLowerCaseSeparatorsLeapSecondsAndLongFractions() {
		assertThat(Rfc3339.parse("2026-12-01t09:00:00z")).map(OffsetDateTime::toInstant)
			.contains(Instant.parse("2026-12-01T09:00:00Z"));
		assertThat(Rfc3339.parse("2016-12-31T23:59:60Z")).map(OffsetDateTime::toInstant)
			.contains(Instant.parse("2017-01-01T00:00:00Z"));
		assertThat(Rfc3339.parse("2026-12-01T09:00:00.1234567891Z")).map(OffsetDateTime::toInstant)
			.contains(Instant.parse("2026-12-01T09:00:00.123456789Z"));
	}

	@Test
	void refusesWhatRfc3339Refuses() {
		assertThat(Rfc3339.parse("2026-12-01T09:00:00")).isEmpty();
		assertThat(Rfc3339.parse("2026-12-01T09:00:00+24:00")).isEmpty();
		assertThat(Rfc3339.parse("2026-12-01T09:00:61Z")).isEmpty();
		assertThat(Rfc3339.parse("2026-13-01T09:00:00Z")).isEmpty();
		assertThat(Rfc3339.parse("1764579600")).isEmpty();
	}

}
