package com.acme.booking.availability;

import com.acme.booking.booking.BookingNotFound;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the slots a booking may take; anyone may ask. The holder of a booking's token (or
 * an operator) may ask as if that booking were not there, to see what it can be moved to.
 */
@RestController
class AvailableSlotsController {

	private final SlotCatalog catalog;

	private final SlotRules rules;

	private final BookingRepository bookings;

	/**
	 * {@code booking_slots_listing_seconds}: computing a listing, cache and calendar
	 * included, without HTTP.
	 */
	private final Timer listing;

	AvailableSlotsController(SlotCatalog catalog, SlotRules rules, BookingRepository bookings, MeterRegistry registry) {
		this.catalog = catalog;
		this.rules = rules;
		this.bookings = bookings;
		this.listing = Timer.builder("booking.slots.listing")
			.description("Time to compute a slot listing")
			.publishPercentileHistogram()
			.register(registry);
	}

	/**
	 * Parameters are taken as text so that a malformed one is a 400 naming it, never a
	 * 500.
	 */
	@Operation(summary = "Free slots between two dates", description = """
			Slots of `duration` minutes on the grid of the business hours, sorted by start, none in the past, \
			inside the minimum notice, beyond the maximum advance, or overlapping a booking or calendar busy \
			period widened by the buffer. Both dates are required and inclusive, in the business time zone; \
			a range of more than `booking.rules.max-range-days` dates (counting both ends) is 400. \
			`businessHours` lists the open weekdays only. The listing may lag the calendar by up to five \
			minutes; booking always checks the calendar afresh.

			With `bookingId` and that booking's `X-Booking-Token` (or the admin `X-Api-Key`) the listing is \
			the one a rescheduling of that booking sees: its own interval, its neighbours within the buffer \
			and its own calendar event do not block (the manage page's picker). A wrong or missing token \
			or key, or an unknown or malformed `bookingId`, is 404 `not-found`, as for the booking itself.""")
	@GetMapping("/api/bookings/available-slots")
	AvailableSlots availableSlots(@Parameter(description = "first date, ISO (2026-12-01)", required = true,
			schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String startDate,
			@Parameter(description = "last date, ISO, inclusive", required = true,
					schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String endDate,
			@Parameter(description = "slot length in minutes; default booking.rules.default-duration",
					schema = @Schema(type = "integer")) @RequestParam(required = false) String duration,
			@Parameter(
					description = "a booking to leave out (to reschedule it); needs its X-Booking-Token or the admin key",
					schema = @Schema(type = "string", format = "uuid")) @RequestParam(
							required = false) String bookingId) {
		// With a bookingId, only its token or the admin key got this far (the security
		// configuration).
		Booking own = bookingId == null ? null
				: bookings.findById(BookingNotFound.parseId(bookingId)).orElseThrow(BookingNotFound::new);
		AvailabilityQuery query = AvailabilityQuery.parse(startDate, endDate, duration, rules);
		var offered = listing.record(() -> own == null || own.isCancelled()
				? catalog.offered(query.startDate(), query.endDate(), query.duration())
				: catalog.offeredIgnoring(query.startDate(), query.endDate(), query.duration(), own));
		return AvailableSlots.of(query, rules, offered);
	}

}
