package com.acme.booking.workflow;

import io.temporal.common.SearchAttributeKey;

/** Temporal names of the booking service, defined once: task queue, workflow ids, signals, search attributes. */
public final class BookingTemporal {

	public static final String TASK_QUEUE = "booking-sync";

	public static final String WORKFLOW_ID_PREFIX = "booking-";

	public static final String SIGNAL_RETRY_SYNC = "retrySync";

	public static final String SIGNAL_BOOKING_CHANGED = "bookingChanged";

	public static final String QUERY_SYNC_STATUS = "syncStatus";

	public static final SearchAttributeKey<String> BOOKING_ID = SearchAttributeKey.forKeyword("BookingId");

	public static final SearchAttributeKey<String> BOOKING_STATUS = SearchAttributeKey.forKeyword("BookingStatus");

	public static final SearchAttributeKey<String> CALENDAR_SYNC = SearchAttributeKey.forKeyword("CalendarSync");

	public static final SearchAttributeKey<String> CRM_SYNC = SearchAttributeKey.forKeyword("CrmSync");

	/**
	 * {@code YES} while the booking overlaps a busy time of the business's own calendar (found by the calendar sync),
	 * {@code NO} once a later sync found it clear; absent on a booking that never clashed.
	 */
	public static final SearchAttributeKey<String> CALENDAR_CONFLICT = SearchAttributeKey
		.forKeyword("CalendarConflict");

	/** Every custom search attribute the workflow writes; all are keywords and must be registered on the server. */
	public static final java.util.List<SearchAttributeKey<String>> SEARCH_ATTRIBUTES = java.util.List.of(BOOKING_ID,
			BOOKING_STATUS, CALENDAR_SYNC, CRM_SYNC, CALENDAR_CONFLICT);

	private BookingTemporal() {
	}

	public static String workflowId(String bookingId) {
		return WORKFLOW_ID_PREFIX + bookingId;
	}

}
