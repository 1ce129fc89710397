package com.acme.booking.sync;

import java.time.Duration;

/**
 * Refuses to start when {@code booking.sync.attempt-timeout} is shorter than one attempt
 * of an enabled integration can take. Temporal does not stop an attempt's thread at its
 * start-to-close timeout: a timed-out attempt keeps running and can write after the retry
 * (or a cancellation) did, reviving what the later attempt removed. Each integration
 * states its own worst case from its timeouts.
 */
public final class AttemptTimeouts {

	private AttemptTimeouts() {
	}

	/**
	 * @param worstAttempt a conservative bound of one attempt with the integration's
	 * current timeouts
	 * @param how how {@code worstAttempt} is reckoned, naming the settings that lower it
	 */
	public static void requireCovers(Duration attemptTimeout, String integration, Duration worstAttempt, String how) {
		if (attemptTimeout != null && attemptTimeout.compareTo(worstAttempt) < 0) {
			throw new IllegalStateException("booking.sync.attempt-timeout (" + attemptTimeout + ") is shorter than one "
					+ integration + " attempt can take (" + worstAttempt + ": " + how + "). A timed-out attempt keeps "
					+ "running and could write after its retry. Set booking.sync.attempt-timeout to at least "
					+ worstAttempt + " (default 5m) or lower those timeouts");
		}
	}

}
