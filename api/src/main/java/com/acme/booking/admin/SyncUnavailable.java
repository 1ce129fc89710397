package com.acme.booking.admin;

/**
 * The retry could not be handed to Temporal; the flags are kept (503
 * {@code sync-unavailable}).
 */
public class SyncUnavailable extends RuntimeException {

	public SyncUnavailable() {
		super("Temporal could not be reached, so the sync was not retried; the booking stays flagged. Try again later");
	}

}
