package com.acme.booking;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time is injected everywhere outside workflows, so rules around "now" are testable. A
 * configuration of its own, not a method of the application class: a web slice test
 * brings its own clock and no other bean of the application.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
