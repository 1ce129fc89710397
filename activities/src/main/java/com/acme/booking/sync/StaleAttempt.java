package com.acme.booking.sync;

import java.util.Optional;

import com.acme.booking.core.Booking;
import io.temporal.failure.ApplicationFailure;

/**
 * Temporal does not stop an attempt at its start-to-close timeout: a late attempt can
 * still be running after a later one, or the cancellation's sync, wrote. Before a write
 * that could undo theirs, an integration re-reads the booking and gives up if it moved
 * on; a retry, if one is still due, works from the current state.
 */
public final class StaleAttempt {

	private StaleAttempt() {
	}

	/**
	 * @param current the booking as stored now; empty if it is gone
	 * @throws ApplicationFailure (retryable, type {@code BookingChangedDuringAttempt}) if
	 * its revision changed
	 */
	public static void requireUnchanged(Booking loaded, Optional<Booking> current) {
		long now = current.map(Booking::revision).orElse(-1L);
		if (now != loaded.revision()) {
			throw ApplicationFailure.newBuilder()
				.setMessage("booking changed during the attempt (revision " + loaded.revision() + " loaded, now " + now
						+ "); not writing the stale state")
				.setType("BookingChangedDuringAttempt")
				.setNonRetryable(false)
				.build();
		}
	}

}
