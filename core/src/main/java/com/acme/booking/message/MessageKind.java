package com.acme.booking.message;

/** Why a customer gets an email. */
public enum MessageKind {

	/** The booking was made. */
	CONFIRMATION,
	/** It was rescheduled or its details changed. */
	UPDATE,
	/** It was cancelled. */
	CANCELLATION,
	/** {@code booking.mail.reminder-before} before the appointment. */
	REMINDER,
	/**
	 * The link that confirms a hold ({@code booking.rules.verify-email}): one per hold,
	 * without a calendar file.
	 */
	VERIFICATION,
	/**
	 * A new manage link, after an operator revoked the old one; without a calendar file.
	 */
	NEW_LINK

}
