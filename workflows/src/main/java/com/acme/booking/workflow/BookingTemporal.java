package com.acme.booking.workflow;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;

/**
 * Temporal names of the booking service, defined once: task queue, workflow ids, signals,
 * search attributes.
 */
public final class BookingTemporal {

	public static final String TASK_QUEUE = "booking-sync";

	public static final String WORKFLOW_ID_PREFIX = "booking-";

	public static final String SIGNAL_RETRY_SYNC = "retrySync";

	public static final String SIGNAL_BOOKING_CHANGED = "bookingChanged";

	/**
	 * The customer confirmed the email address of a hold: the workflow looks at the
	 * booking again.
	 */
	public static final String SIGNAL_VERIFIED = "verified";

	/**
	 * The reconciler's "PostgreSQL is at this revision": wakes a workflow that has not
	 * loaded it yet.
	 */
	public static final String SIGNAL_SYNC_BEHIND = "syncBehind";

	/**
	 * The booking's {@code calendarDrift} was set or cleared: the workflow shows it in
	 * {@link #CALENDAR_DRIFT}, and pushes nothing for it.
	 */
	public static final String SIGNAL_CALENDAR_DRIFT = "calendarDriftChanged";

	/**
	 * An operator asked for a webhook delivery again (reset in PostgreSQL): the workflow
	 * sends the booking's webhooks.
	 */
	public static final String SIGNAL_REDELIVER_WEBHOOKS = "redeliverWebhooks";

	public static final String QUERY_SYNC_STATUS = "syncStatus";

	public static final SearchAttributeKey<String> BOOKING_ID = SearchAttributeKey.forKeyword("BookingId");

	public static final SearchAttributeKey<String> BOOKING_STATUS = SearchAttributeKey.forKeyword("BookingStatus");

	/**
	 * Where each integration stands ({@link SyncState}): {@code CalendarSync},
	 * {@code CrmSync}, {@code MailSync}, {@code WebhookSync};
	 * {@code CalendarSync="MANUAL"} lists the bookings whose calendar waits for an
	 * operator.
	 */
	private static final Map<Integration, SearchAttributeKey<String>> SYNC_ATTRIBUTES = Arrays
		.stream(Integration.values())
		.collect(Collectors.toMap(Function.identity(), i -> SearchAttributeKey.forKeyword(i.searchAttribute()),
				(a, b) -> a, () -> new EnumMap<>(Integration.class)));

	public static final SearchAttributeKey<String> CALENDAR_SYNC = syncAttribute(Integration.CALENDAR);

	public static final SearchAttributeKey<String> CRM_SYNC = syncAttribute(Integration.CRM);

	public static final SearchAttributeKey<String> MAIL_SYNC = syncAttribute(Integration.MAIL);

	public static final SearchAttributeKey<String> WEBHOOK_SYNC = syncAttribute(Integration.WEBHOOK);

	/**
	 * {@code YES} while the booking overlaps a busy time of the business's own calendar
	 * (found by the calendar sync), {@code NO} once a later sync found it clear; absent
	 * on a booking that never clashed.
	 */
	public static final SearchAttributeKey<String> CALENDAR_CONFLICT = SearchAttributeKey
		.forKeyword("CalendarConflict");

	/**
	 * {@code YES} while the owner's move or delete of the booking's event in Google waits
	 * for an operator ({@code booking.calendar.owner-changes=flag}), {@code NO} once it
	 * was settled; absent on a booking that never drifted.
	 */
	public static final SearchAttributeKey<String> CALENDAR_DRIFT = SearchAttributeKey.forKeyword("CalendarDrift");

	/**
	 * Every custom search attribute the workflow writes; all are keywords and must be
	 * registered on the server.
	 */
	public static final List<SearchAttributeKey<String>> SEARCH_ATTRIBUTES = Stream
		.of(Stream.of(BOOKING_ID, BOOKING_STATUS), SYNC_ATTRIBUTES.values().stream(),
				Stream.of(CALENDAR_CONFLICT, CALENDAR_DRIFT))
		.flatMap(Function.identity())
		.toList();

	private BookingTemporal() {
	}

	/**
	 * What a booking workflow shows from its start (its start options set them): its id,
	 * {@code CONFIRMED} and every integration {@code PENDING}. The run upserts only what
	 * differs from these, so a new booking's first workflow task upserts nothing; a start
	 * for a booking cancelled meanwhile shows {@code CANCELLED} once it has loaded it.
	 */
	public static SearchAttributes startAttributes(String bookingId) {
		SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
			.set(BOOKING_ID, bookingId)
			.set(BOOKING_STATUS, "CONFIRMED");
		SYNC_ATTRIBUTES.values().forEach(key -> attributes.set(key, SyncState.PENDING.name()));
		return attributes.build();
	}

	/** The search attribute that shows where {@code integration} stands. */
	public static SearchAttributeKey<String> syncAttribute(Integration integration) {
		return SYNC_ATTRIBUTES.get(integration);
	}

	public static String workflowId(String bookingId) {
		return WORKFLOW_ID_PREFIX + bookingId;
	}

}
