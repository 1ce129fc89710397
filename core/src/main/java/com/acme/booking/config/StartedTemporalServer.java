package com.acme.booking.config;

/**
 * A Temporal server this process started for itself (the laptop runtime's dev server), as
 * the start-up summary names it.
 */
public interface StartedTemporalServer {

	/** What runs where, with its pid and its data. */
	String description();

	/** Its Web UI. */
	String uiUrl();

}
