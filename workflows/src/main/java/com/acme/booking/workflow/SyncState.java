package com.acme.booking.workflow;

/**
 * Where one integration of a booking stands; also the value of the CalendarSync and
 * CrmSync search attributes.
 */
public enum SyncState {

	PENDING, SYNCED, MANUAL, DISABLED

}
