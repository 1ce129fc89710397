package com.acme.booking.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.Booking;
import com.acme.booking.booking.BookingNotFound;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.booking.BookingResource;
import com.acme.booking.booking.BookingWorkflows;
import com.acme.booking.core.Integration;
import com.acme.booking.web.InvalidRequest;
import com.acme.booking.web.Text;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators: list bookings, find the ones flagged for manual sync or clashing with the calendar, retry their sync. */
@RestController
@RequestMapping("/api/admin/bookings")
class AdminController {

	private final BookingRepository bookings;

	private final BookingWorkflows workflows;

	private final AdminKey adminKey;

	AdminController(BookingRepository bookings, BookingWorkflows workflows, AdminKey adminKey) {
		this.bookings = bookings;
		this.workflows = workflows;
		this.adminKey = adminKey;
	}

	@GetMapping
	Map<String, Object> list(@RequestHeader(name = AdminKey.HEADER, required = false) String apiKey,
			@RequestParam(defaultValue = "false") boolean needsManualSync,
			@RequestParam(defaultValue = "false") boolean conflict,
			@RequestParam(required = false) String email, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		requireAdmin(apiKey);
		if (page < 0) {
			throw new InvalidRequest("page", "must be 0 or more");
		}
		if (size < 1 || size > 200) {
			throw new InvalidRequest("size", "must be between 1 and 200");
		}
		List<BookingResource> found = bookings.list(needsManualSync, conflict, Text.blankToNull(email), page, size)
			.stream()
			.map(BookingResource::of)
			.toList();
		return Map.of("bookings", found, "page", page, "size", size);
	}

	/**
	 * Messages sent for a booking. Mail is not part of this release: nothing is sent or recorded yet, so the list is
	 * empty for every existing booking (see docs/api.md).
	 */
	@GetMapping("/{id}/messages")
	Map<String, Object> messages(@RequestHeader(name = AdminKey.HEADER, required = false) String apiKey,
			@PathVariable String id) {
		requireAdmin(apiKey);
		bookings.findById(BookingNotFound.parseId(id)).orElseThrow(BookingNotFound::new);
		return Map.of("messages", List.of());
	}

	/** Clears the manual-sync flags, then makes the workflow try the calendar and CRM sync again. */
	@PostMapping("/{id}/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BookingResource sync(@RequestHeader(name = AdminKey.HEADER, required = false) String apiKey,
			@PathVariable String id) {
		requireAdmin(apiKey);
		UUID bookingId = BookingNotFound.parseId(id);
		Booking before = bookings.findById(bookingId).orElseThrow(BookingNotFound::new);
		bookings.clearManualSync(bookingId);
		if (!workflows.retry(bookingId)) {
			// Nothing will retry: put the flags back so the booking still shows up as needing an operator.
			if (before.requiresManualCalendarSync()) {
				bookings.flagManualSync(bookingId, Integration.CALENDAR, before.calendarSyncError());
			}
			if (before.requiresManualCrmSync()) {
				bookings.flagManualSync(bookingId, Integration.CRM, before.crmSyncError());
			}
			throw new SyncUnavailable();
		}
		return BookingResource.of(bookings.findById(bookingId).orElseThrow(BookingNotFound::new));
	}

	private void requireAdmin(String apiKey) {
		if (!adminKey.matches(apiKey)) {
			throw new Unauthorized();
		}
	}

}
