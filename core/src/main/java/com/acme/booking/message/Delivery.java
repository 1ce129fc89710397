package com.acme.booking.message;

/** Where a recorded email stands with the SMTP server. */
public enum Delivery {

	/** Mail is disabled: rendered and kept, not sent. */
	RECORDED,
	/**
	 * Claimed by an attempt whose SMTP outcome is not known; never sent a second time.
	 */
	SENDING,
	/** The SMTP server accepted it. */
	SENT,
	/**
	 * Certainly not sent (server unreachable or refused it); the next attempt sends it.
	 */
	FAILED

}
