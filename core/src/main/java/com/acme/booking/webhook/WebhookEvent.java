package com.acme.booking.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The webhook events, by the names receivers see in {@code type} (PostgreSQL's
 * {@code webhook_event} says which change is which).
 */
public enum WebhookEvent {

	/** A confirmed booking was made, or a hold confirmed by the customer. */
	CREATED("booking.created"),

	/** The booking was moved (its start or end changed). */
	RESCHEDULED("booking.rescheduled"),

	/** A confirmed booking was cancelled. */
	CANCELLED("booking.cancelled"),

	/** The owner moved or deleted the booking's event in Google Calendar. */
	CHANGED_IN_CALENDAR("booking.changed-in-calendar"),

	/**
	 * An integration's sync ran out of attempts or failed for good: an operator is
	 * needed.
	 */
	SYNC_FLAGGED("booking.sync.flagged"),

	/** A flagged integration synced again. */
	SYNC_HEALED("booking.sync.healed");

	private final String type;

	WebhookEvent(String type) {
		this.type = type;
	}

	/** The name receivers see ({@code booking.created}). */
	public String type() {
		return type;
	}

	public static Optional<WebhookEvent> ofType(String type) {
		return Arrays.stream(values()).filter(event -> event.type.equals(type)).findFirst();
	}

}
