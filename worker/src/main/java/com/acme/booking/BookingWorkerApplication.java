package com.acme.booking;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Temporal worker alone (booking workflow and its activities), for running more
 * workers against the same Temporal server and PostgreSQL as the API. Its web server
 * serves Actuator only: liveness, readiness and Prometheus on the management port.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(BookingWorkerApplication.class, args);
	}

	/** The activities' "now", outside workflows. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
