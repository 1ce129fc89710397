package com.acme.booking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The core module as its tests run it: embedded PostgreSQL, Flyway and the repository,
 * nothing else.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoreTestApplication {

}
