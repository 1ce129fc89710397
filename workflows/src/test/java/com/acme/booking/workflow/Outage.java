package com.acme.booking.workflow;

import io.temporal.failure.ApplicationFailure;

/**
 * How a fake outside system misbehaves: healthy, down for the next N writes, down for
 * good, or rejecting the next write permanently. Failures are what the real clients
 * throw: 5xx as a retryable {@link ApplicationFailure}, a 4xx as a non-retryable one.
 */
final class Outage {

	private final String system;

	private int transientFailuresLeft;

	private boolean down;

	private String rejection;

	private int failures;

	Outage(String system) {
		this.system = system;
	}

	synchronized void failNext(int times) {
		transientFailuresLeft = times;
	}

	synchronized void failAlways() {
		down = true;
	}

	synchronized void rejectNext(String reason) {
		rejection = reason;
	}

	synchronized void heal() {
		down = false;
		transientFailuresLeft = 0;
		rejection = null;
	}

	/** Writes refused so far. */
	synchronized int failures() {
		return failures;
	}

	/**
	 * Throws what the system would answer to a write now, or returns when the write goes
	 * through.
	 */
	synchronized void write() {
		if (rejection != null) {
			failures++;
			String reason = rejection;
			rejection = null;
			throw ApplicationFailure.newNonRetryableFailure(reason, system + "Rejected");
		}
		if (down || transientFailuresLeft > 0) {
			transientFailuresLeft--;
			failures++;
			throw ApplicationFailure.newFailure(system + " unavailable (503)", system + "Unavailable");
		}
	}

}
