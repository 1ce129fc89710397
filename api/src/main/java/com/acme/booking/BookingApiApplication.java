package com.acme.booking;

import com.acme.booking.startup.RunModes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The booking service: REST API and booking page, and in the embedded default also
 * embedded PostgreSQL, the in-process Temporal server and the worker.
 * {@code --check-integrations} checks the Google and HubSpot credentials and exits.
 */
// No users and passwords: operators and customers authenticate by header (the security
// package), so Spring Boot's generated user and its password log line have no place.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class BookingApiApplication {

	private static final String LAPTOP_FACTORIES = "META-INF/booking-laptop.factories";

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BookingApiApplication.class);
		// The laptop runtime (booking-laptop), when the jar carries it: the embedded
		// Temporal server, chosen before the context starts.
		SpringFactoriesLoader.forResourceLocation(LAPTOP_FACTORIES)
			.load(ApplicationListener.class)
			.forEach(app::addListeners);
		boolean check = RunModes.checkIntegrations(app, args);
		ConfigurableApplicationContext context = app.run(args);
		if (check) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
