package com.acme.booking.calendar;

import java.time.Duration;

import com.acme.booking.sync.SyncProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The calendar refuses an attempt timeout its own worst attempt (token fetch included)
 * could outlive.
 */
class CalendarAttemptTimeoutTest {

	private final CalendarProperties defaults = new CalendarProperties(false, null, null,
			CalendarProperties.GOOGLE_ROOT_URL);

	@Test
	void theWorstAttemptCountsFourCallsAndATokenFetch() {
		assertThat(defaults.worstAttempt()).isEqualTo(Duration.ofSeconds(4 * (5 + 10) + 180));
	}

	@Test
	void theOldThirtySecondTimeoutIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CalendarBeans.requireAttemptTimeoutCovers(defaults, sync(Duration.ofSeconds(30))))
			.withMessageContaining("booking.sync.attempt-timeout")
			.withMessageContaining("booking.calendar.connect-timeout");
	}

	@Test
	void theDefaultFiveMinutesCoverTheDefaultTimeouts() {
		assertThatCode(() -> CalendarBeans.requireAttemptTimeoutCovers(defaults, sync(Duration.ofMinutes(5))))
			.doesNotThrowAnyException();
	}

	private static SyncProperties sync(Duration attemptTimeout) {
		return new SyncProperties(
				new SyncProperties.Retry(Duration.ofSeconds(2), Duration.ofMinutes(10), 2.0, 12,
						Duration.ofMinutes(15)),
				attemptTimeout, Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofMinutes(10));
	}

}
