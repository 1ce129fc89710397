package com.acme.booking.support;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service under test runs on the tests' clock, also when {@code booking.test.now}
 * pins it ({@link TestClockInitializer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TestClockWiringTest {

	@Autowired
	Clock clock;

	@Test
	void theServicesClockIsTheTestsClock() {
		assertThat(Duration.between(TestClock.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(10));
	}

}
