package com.acme.booking.support;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What {@code -Dbooking.test.now} accepts. */
class TestClockTest {

	static final Instant REAL = Instant.parse("2026-12-07T09:00:00Z");

	@Test
	void nothingPinnedIsTheRealTime() {
		assertThat(TestClock.offset(null, REAL)).isZero();
		assertThat(TestClock.offset(" ", REAL)).isZero();
	}

	@Test
	void aPinAheadStartsTheClockThere() {
		assertThat(TestClock.offset("2027-03-28T00:30:00Z", REAL))
			.isEqualTo(Duration.between(REAL, Instant.parse("2027-03-28T00:30:00Z")));
	}

	@Test
	void aPinInThePastOrNoInstantIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestClock.offset("2026-12-01T00:00:00Z", REAL))
			.withMessageContaining("lies in the past");
		assertThatIllegalArgumentException().isThrownBy(() -> TestClock.offset("2027-03-28", REAL))
			.withMessageContaining("must be an instant");
	}

}
