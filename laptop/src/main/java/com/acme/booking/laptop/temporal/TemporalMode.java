package com.acme.booking.laptop.temporal;

/** Which Temporal server the embedded default runs ({@code booking.temporal.mode}). */
public enum TemporalMode {

	/**
	 * The dev server when a Temporal CLI can be had, else the in-process server with a
	 * warning.
	 */
	AUTO,

	/** The dev server; the start fails when no CLI can be had. */
	DEV_SERVER,

	/** The SDK's in-process test server: no Web UI, nothing kept across a restart. */
	IN_PROCESS

}
