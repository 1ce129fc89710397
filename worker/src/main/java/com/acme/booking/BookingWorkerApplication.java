package com.acme.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Temporal worker alone (booking workflow and its activities), for running more
 * workers against the same Temporal server and PostgreSQL as the API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(BookingWorkerApplication.class, args);
	}

}
