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
	REMINDER

}
