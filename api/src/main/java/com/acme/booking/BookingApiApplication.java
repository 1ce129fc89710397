package com.acme.booking;

import com.acme.booking.system.EmbeddedDefaults;
import com.acme.booking.system.RunModes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The booking service: REST API and booking page, and in the embedded default also
 * embedded PostgreSQL, the in-process Temporal server and the worker.
 * {@code --check-integrations} checks the Google and HubSpot credentials and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BookingApiApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BookingApiApplication.class);
		app.addListeners(new EmbeddedDefaults());
		boolean check = RunModes.checkIntegrations(app, args);
		ConfigurableApplicationContext context = app.run(args);
		if (check) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
