package com.acme.booking.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.booking.BookingNotFound;
import com.acme.booking.booking.BookingResource;
import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingHistory;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.mail.NewManageLinkMail;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.web.InvalidRequest;
import com.acme.booking.web.Text;
import com.acme.booking.webhook.WebhookDeliveries;
import com.acme.booking.workflow.Integration;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators: list bookings, find the ones flagged for manual sync or clashing with the
 * calendar, retry their sync, read their emails, revoke a leaked manage link. Only
 * requests with the admin key get here (the security configuration's rule for
 * {@code /api/admin/**}).
 */
@RestController
@RequestMapping("/api/admin/bookings")
class AdminController {

	private static final Logger log = LoggerFactory.getLogger(AdminController.class);

	private final BookingRepository bookings;

	private final BookingWorkflows workflows;

	private final BulkRetry bulkRetry;

	private final BookingMessages messages;

	private final ManageLinks links;

	private final NewManageLinkMail newLinks;

	private final BookingHistory history;

	private final WebhookDeliveries webhooks;

	AdminController(BookingRepository bookings, BookingWorkflows workflows, BulkRetry bulkRetry,
			BookingMessages messages, ManageLinks links, NewManageLinkMail newLinks, BookingHistory history,
			WebhookDeliveries webhooks) {
		this.bookings = bookings;
		this.workflows = workflows;
		this.bulkRetry = bulkRetry;
		this.messages = messages;
		this.links = links;
		this.newLinks = newLinks;
		this.history = history;
		this.webhooks = webhooks;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "false") boolean needsManualSync,
			@RequestParam(defaultValue = "false") boolean conflict, @RequestParam(defaultValue = "false") boolean drift,
			@RequestParam(required = false) String email, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new InvalidRequest("page", "must be 0 or more");
		}
		if (size < 1 || size > 200) {
			throw new InvalidRequest("size", "must be between 1 and 200");
		}
		List<BookingResource> found = bookings
			.list(needsManualSync, conflict, drift, Text.blankToNull(email), page, size)
			.stream()
			.map(BookingResource::of)
			.toList();
		return Map.of("bookings", found, "page", page, "size", size);
	}

	/**
	 * The emails sent for a booking or, with mail disabled, recorded for it; oldest
	 * first.
	 */
	@GetMapping("/{id}/messages")
	Map<String, Object> messages(@PathVariable String id) {
		UUID bookingId = BookingNotFound.parseId(id);
		bookings.findById(bookingId).orElseThrow(BookingNotFound::new);
		return Map.of("messages", messages.forBooking(bookingId).stream().map(MessageResource::of).toList());
	}

	@Operation(summary = "Every change of the booking, oldest first", description = """
			For support staff asked "who moved my appointment?": each change with its time (`at`), its \
			`source` (`CUSTOMER`: the booking page or the API with the manage token; `OPERATOR`: the admin key; \
			`CALENDAR_OWNER`: the owner moved or deleted the event in Google Calendar; `SERVICE`: the service \
			itself, e.g. an unconfirmed hold that expired) and `what` it changed, field by field as the booking \
			resource names them, `{"startTime": {"from": "...", "to": "..."}}`. The first entry is the booking \
			being made (every field `from: null`). Written in the same transaction as the change. Unknown \
			booking: 404.""")
	@GetMapping("/{id}/history")
	Map<String, Object> history(@PathVariable String id) {
		UUID bookingId = BookingNotFound.parseId(id);
		bookings.findById(bookingId).orElseThrow(BookingNotFound::new);
		return Map.of("changes", history.of(bookingId).stream().map(HistoryResource::of).toList());
	}

	@Operation(summary = "The booking's webhook deliveries with their attempts", description = """
			One delivery per event and subscribed endpoint, in the order of the booking's changes: its `id` (the \
			`webhook-id` header, the same on every attempt), `endpoint`, `type`, `status` (`PENDING` or \
			`DELIVERED`), `endpointDisabled` (the endpoint answered 410 Gone; nothing is sent to it until a \
			redelivery), `createdAt`, `deliveredAt`, the `body` exactly as sent (the booking as it stood when the \
			delivery was made), and its `attempts`, each with `at`, `httpStatus` (null when no answer came), \
			`error` and `durationMs`. Unknown booking: 404.""")
	@GetMapping("/{id}/webhooks")
	Map<String, Object> webhooks(@PathVariable String id) {
		UUID bookingId = BookingNotFound.parseId(id);
		bookings.findById(bookingId).orElseThrow(BookingNotFound::new);
		return Map.of("deliveries", webhooks.of(bookingId).stream().map(WebhookResource::of).toList());
	}

	@Operation(summary = "Sends one webhook delivery again with its original webhook-id", description = """
			The delivery becomes `PENDING` again with its id and body, its endpoint is enabled again if it had \
			answered 410 Gone, and the booking's workflow sends it (started again if it had ended), before any \
			later delivery to that endpoint still pending. An endpoint enabled again also resumes the other \
			bookings with deliveries to it still pending: their workflows are told too. Unknown booking or \
			delivery: 404; Temporal unreachable: 503 `sync-unavailable`, and nothing is changed (the delivery \
			and its endpoint stay as they were).""")
	@PostMapping("/{id}/webhooks/{deliveryId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
		UUID bookingId = BookingNotFound.parseId(id);
		UUID delivery = BookingNotFound.parseId(deliveryId);
		bookings.findById(bookingId).orElseThrow(BookingNotFound::new);
		WebhookDeliveries.Reset reset = webhooks.redeliver(bookingId, delivery).orElseThrow(BookingNotFound::new);
		if (!workflows.redeliverWebhooks(bookingId)) {
			webhooks.undo(reset);
			throw new SyncUnavailable();
		}
		if (reset.reenabled()) {
			resume(reset.endpoint(), bookingId);
		}
		return Map.of("id", delivery, "status", "PENDING");
	}

	/**
	 * Tells the workflow of every other booking with deliveries to {@code endpoint} still
	 * pending that it is enabled again; stops at the first Temporal cannot take (those
	 * left go with their booking's next sync, or a redelivery of one of theirs).
	 */
	private void resume(String endpoint, UUID redelivered) {
		int count = 0;
		for (UUID other : webhooks.pendingBookings(endpoint)) {
			if (other.equals(redelivered)) {
				continue;
			}
			if (!workflows.redeliverWebhooks(other)) {
				log.warn("Webhook endpoint {} enabled again: {} other booking(s) resumed, then Temporal could not be "
						+ "reached", WebhookDeliveries.shown(endpoint), count);
				return;
			}
			count++;
		}
		log.info("Webhook endpoint {} enabled again: {} other booking(s) resumed", WebhookDeliveries.shown(endpoint),
				count);
	}

	@Operation(summary = "Revokes the booking's manage link and issues a new one", description = """
			For a leaked link: the token of every earlier link is refused from now on (404 `not-found`, like a \
			wrong token), and the new link is mailed to the customer at once (recorded with the token masked, \
			see `/messages`; a hold whose email is not confirmed yet gets no email). The answer is the booking \
			with the new `manageToken` and `manageUrl`, for the operator to pass on if the email does not arrive. \
			Unknown booking: 404.""")
	@PostMapping("/{id}/manage-link")
	BookingResource reissueManageLink(@PathVariable String id) {
		Booking booking = bookings.reissueManageLink(BookingNotFound.parseId(id)).orElseThrow(BookingNotFound::new);
		try {
			newLinks.send(booking);
		}
		catch (RuntimeException ex) {
			// The old link is revoked already: the operator must get the new one to
			// hand over, whether or not the email could be made.
			log.warn("The new manage link of booking {} was not mailed: {}", booking.id(), ex.toString());
		}
		return BookingResource.withManageLink(booking, links.tokenFor(booking), links.manageUrl(booking));
	}

	/**
	 * Clears the manual-sync flags, then makes the workflow try every integration again.
	 */
	@PostMapping("/{id}/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BookingResource sync(@PathVariable String id) {
		UUID bookingId = BookingNotFound.parseId(id);
		Booking before = bookings.findById(bookingId).orElseThrow(BookingNotFound::new);
		if (!bulkRetry.retry(before, EnumSet.allOf(Integration.class))) {
			throw new SyncUnavailable();
		}
		return BookingResource.of(bookings.findById(bookingId).orElseThrow(BookingNotFound::new));
	}

	/**
	 * The bulk retry of an operator who fixed the cause (credentials, sharing, a deleted
	 * calendar, the SMTP relay): every booking flagged for {@code integration}, or for
	 * any integration when it is null or the body is absent. 202 with the count.
	 */
	@PostMapping("/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> syncAll(@RequestBody(required = false) BulkSyncRequest request) {
		Integration integration = request == null ? null : request.integration();
		return Map.of("count", bulkRetry
			.retryFlagged(integration == null ? EnumSet.allOf(Integration.class) : EnumSet.of(integration)));
	}

	/**
	 * @param integration {@code CALENDAR}, {@code CRM}, {@code MAIL}, {@code WEBHOOK}, or
	 * null for all
	 */
	record BulkSyncRequest(Integration integration) {
	}

}
