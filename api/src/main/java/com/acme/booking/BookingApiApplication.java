package com.acme.booking;

import java.time.Clock;

import com.acme.booking.startup.RunModes;
import com.acme.booking.system.EmbeddedDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
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

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BookingApiApplication.class);
		app.addListeners(new EmbeddedDefaults());
		boolean check = RunModes.checkIntegrations(app, args);
		ConfigurableApplicationContext context = app.run(args);
		if (check) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Time is injected everywhere outside workflows, so rules around "now" are testable.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
