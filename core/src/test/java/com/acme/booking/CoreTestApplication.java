package com.acme.booking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The core module's configuration for its tests, on a throw-away PostgreSQL;
 * {@link DatabaseSlice} picks what of it a repository test starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(EmbeddedDatabase.class)
public class CoreTestApplication {

}
