package com.acme.booking.sync;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One reading of Retry-After for Google and HubSpot alike. */
class RetryAfterTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void readsSecondsAndHttpDates() {
		assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(" 7 ", NOW)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void aPastDateOrANegativeNumberMeansNowAndALongWaitIsCut() {
		assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", NOW)).isZero();
		assertThat(RetryAfter.parse("-5", NOW)).isZero();
		assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(RetryAfter.LONGEST);
	}

	@Test
	void noHeaderOrAnUnreadableOneIsNoWish() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse(" ", NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
	}

}
