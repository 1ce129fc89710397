package com.acme.booking.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Now is Monday 2026-11-30 08:00Z; imported the same way by every test that shares this
 * context.
 */
@TestConfiguration(proxyBeanMethods = false)
class FixedNow {

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
	}

}
