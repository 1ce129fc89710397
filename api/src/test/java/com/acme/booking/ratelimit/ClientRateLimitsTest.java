package com.acme.booking.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimitsTest {

	private final ClientRateLimits limits = new ClientRateLimits(2);

	@Test
	void refusesAClientOverItsLimitWithTheWaitUntilTheNextPermit() {
		assertThat(limits.acquire("192.0.2.1")).isEmpty();
		assertThat(limits.acquire("192.0.2.1")).isEmpty();

		assertThat(limits.acquire("192.0.2.1"))
			.hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
	}

	@Test
	void eachClientAddressHasItsOwnLimit() {
		limits.acquire("192.0.2.1");
		limits.acquire("192.0.2.1");

		assertThat(limits.acquire("192.0.2.1")).isPresent();
		assertThat(limits.acquire("2001:db8::1")).isEmpty();
	}

}
