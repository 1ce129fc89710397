package com.acme.booking;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The core module's configuration for its tests; {@link DatabaseSlice} picks what of it a
 * repository test starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoreTestApplication {

}
