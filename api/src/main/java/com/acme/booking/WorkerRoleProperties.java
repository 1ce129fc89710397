package com.acme.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this API instance is also a Temporal worker ({@code booking.worker.*}); read
 * through {@code spring.temporal.start-workers} in application.yml.
 *
 * @param enabled whether this instance polls the {@code booking-sync} task queue and runs
 * the workflows and sync activities; {@code false}: it still starts, signals and queries
 * the bookings' workflows, and the worker jar runs them, so the request path never shares
 * its CPU with the syncs. Needs an external Temporal server
 * ({@code spring.temporal.connection.target}) the workers reach too
 */
@ConfigurationProperties("booking.worker")
public record WorkerRoleProperties(@DefaultValue("true") boolean enabled) {
}
