package com.acme.booking.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default: a PostgreSQL run inside the process when no
 * {@code spring.datasource.url} is given.
 *
 * @param enabled whether the embedded PostgreSQL may start at all; the API's
 * {@code application.yml} turns it on, the worker alone leaves it off
 * @param dataDir folder for the embedded data: PostgreSQL under {@code postgres/}, the
 * generated token secret, and the Temporal dev server's {@code temporal.db}; locked while
 * a service uses it
 * @param cleanOnStart wipe the PostgreSQL data on start (tests only)
 * @param synchronousCommit PostgreSQL's {@code synchronous_commit}; {@code on} so an
 * acknowledged booking survives a crash of the process (tests may turn it off for speed)
 * @param fsync PostgreSQL's {@code fsync}; {@code on} so an acknowledged booking survives
 * an OS crash or power loss (zonky starts PostgreSQL with {@code -F}, which turns it off;
 * tests may keep it off for speed)
 */
@ConfigurationProperties("booking.embedded")
public record EmbeddedProperties(@DefaultValue("false") boolean enabled, @DefaultValue("./data") Path dataDir,
		@DefaultValue("false") boolean cleanOnStart, @DefaultValue("on") String synchronousCommit,
		@DefaultValue("on") String fsync) {
}
