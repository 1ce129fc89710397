package com.acme.booking.sync;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An attempt timeout shorter than an integration's worst attempt would let timed-out
 * attempts write late.
 */
class AttemptTimeoutsTest {

	@Test
	void aTimeoutShorterThanTheWorstAttemptIsRefusedWithWhatToSet() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AttemptTimeouts.requireCovers(Duration.ofSeconds(30), "HubSpot", Duration.ofMinutes(4),
					"12 x (connect + read)"))
			.withMessageContaining("booking.sync.attempt-timeout (PT30S)")
			.withMessageContaining("at least PT4M")
			.withMessageContaining("12 x (connect + read)");
	}

	@Test
	void aTimeoutCoveringTheWorstAttemptIsAccepted() {
		assertThatCode(() -> AttemptTimeouts.requireCovers(Duration.ofMinutes(4), "HubSpot", Duration.ofMinutes(4),
				"12 x (connect + read)"))
			.doesNotThrowAnyException();
	}

}
