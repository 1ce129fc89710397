package com.acme.booking.core;

/**
 * Where one integration of a booking stands ({@code booking_sync}, a row per booking and
 * integration).
 *
 * @param synced the booking's current revision was pushed and nothing waits for an
 * operator
 * @param syncedRevision the last revision the integration finished for (pushed, or
 * nothing to do); 0 when none
 * @param manual its attempts ran out or its error was permanent: it waits for an operator
 * @param error why, for the operator; null when not flagged
 */
public record IntegrationSync(boolean synced, long syncedRevision, boolean manual, String error) {

	/** Nothing recorded yet. */
	public static final IntegrationSync NONE = new IntegrationSync(false, 0, false, null);

}
