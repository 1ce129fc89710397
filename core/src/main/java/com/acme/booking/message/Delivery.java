package com.acme.booking.message;

/** Where a recorded email stands with the SMTP server. */
public enum Delivery {

	/** Mail is disabled: rendered and kept, not sent. */
	RECORDED,
	/**
	 * Claimed by an attempt, or left by one whose SMTP outcome is unknown: the next
	 * attempt sends it again with the same {@code Message-ID}.
	 */
	SENDING,
	/** The SMTP server accepted it. */
	SENT,
	/**
	 * Certainly not sent (server unreachable or refused it); the next attempt sends it.
	 */
	FAILED

}
