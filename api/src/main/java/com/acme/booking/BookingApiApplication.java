package com.acme.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.acme.booking.system.EmbeddedDefaults;

/**
 * The booking service: REST API and booking page, and in the embedded default also embedded PostgreSQL, the
 * in-process Temporal server and the worker.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BookingApiApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BookingApiApplication.class);
		app.addListeners(new EmbeddedDefaults());
		app.run(args);
	}

}
