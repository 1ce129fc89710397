package com.acme.booking.embedded;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service's own embedded PostgreSQL, for slice tests that do not scan for it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(EmbeddedPostgresConfiguration.class)
public class EmbeddedDatabase {

}
