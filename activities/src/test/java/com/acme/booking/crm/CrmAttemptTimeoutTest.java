package com.acme.booking.crm;

import java.time.Duration;

import com.acme.booking.sync.SyncProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** HubSpot refuses an attempt timeout its own worst attempt could outlive. */
class CrmAttemptTimeoutTest {

	private final CrmProperties defaults = new CrmProperties(true,
			new CrmProperties.HubSpot(HubSpotStubs.TOKEN, "https://api.hubapi.com", Duration.ofSeconds(5),
					Duration.ofSeconds(15), Duration.ofSeconds(10)),
			Duration.ofMinutes(30), new CrmProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3,
					Duration.ofSeconds(30), Duration.ofSeconds(2)));

	@Test
	void theWorstAttemptCountsTwelveCalls() {
		assertThat(defaults.worstAttempt()).isEqualTo(Duration.ofSeconds(12 * (5 + 15)));
	}

	@Test
	void theOldThirtySecondTimeoutIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CrmBeans.requireAttemptTimeoutCovers(defaults, sync(Duration.ofSeconds(30))))
			.withMessageContaining("booking.sync.attempt-timeout")
			.withMessageContaining("booking.crm.hubspot.connect-timeout");
	}

	@Test
	void theDefaultFiveMinutesCoverTheDefaultTimeouts() {
		assertThatCode(() -> CrmBeans.requireAttemptTimeoutCovers(defaults, sync(Duration.ofMinutes(5))))
			.doesNotThrowAnyException();
	}

	private static SyncProperties sync(Duration attemptTimeout) {
		return new SyncProperties(
				new SyncProperties.Retry(Duration.ofSeconds(2), Duration.ofMinutes(10), 2.0, 12,
						Duration.ofMinutes(15)),
				attemptTimeout, Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofMinutes(10));
	}

}
