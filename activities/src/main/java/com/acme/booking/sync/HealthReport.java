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

	/** A call the probe makes; it may throw anything. */
	@FunctionalInterface
	public interface Probe {

		void call() throws Exception;

	}

	/**
	 * Times one real call: {@code UP} when it returns, {@code DOWN} with {@code describe}'s reading of the error
	 * when it throws.
	 */
	public static HealthReport probe(Probe probe, java.util.function.Function<Exception, String> describe,
			String circuitBreaker) {
		long started = System.nanoTime();
		String error = null;
		try {
			probe.call();
		}
		catch (Exception ex) {
			error = describe.apply(ex);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new HealthReport(error == null ? "UP" : "DOWN", millis, error, circuitBreaker);
	}

	/** The error as {@code Type: message}, for probes with nothing better to say. */
	public static String plain(Exception ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	public boolean down() {
		return "DOWN".equals(status);
	}

}
