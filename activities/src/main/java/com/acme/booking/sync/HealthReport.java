package com.acme.booking.sync;

/**
 * The answer of an integration health check.
 *
 * @param status {@code UP}, {@code DOWN} or {@code DISABLED}
 * @param responseTimeMs how long the check call took
 * @param error what went wrong, if anything
 * @param circuitBreaker the circuit breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}...)
 */
public record HealthReport(String status, long responseTimeMs, String error, String circuitBreaker) {

	public static HealthReport disabled() {
		return new HealthReport("DISABLED", 0, null, null);
	}

	public boolean down() {
		return "DOWN".equals(status);
	}

}
