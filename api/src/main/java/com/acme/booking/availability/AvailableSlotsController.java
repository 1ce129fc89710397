package com.acme.booking.availability;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists the slots a booking may take; anyone may ask. */
@RestController
class AvailableSlotsController {

	private final SlotCatalog catalog;

	private final SlotRules rules;

	AvailableSlotsController(SlotCatalog catalog, SlotRules rules) {
		this.catalog = catalog;
		this.rules = rules;
	}

	/** Parameters are taken as text so that a malformed one is a 400 naming it, never a 500. */
	@GetMapping("/api/bookings/available-slots")
	AvailableSlots availableSlots(@RequestParam(required = false) String startDate,
			@RequestParam(required = false) String endDate, @RequestParam(required = false) String duration) {
		AvailabilityQuery query = AvailabilityQuery.parse(startDate, endDate, duration, rules);
		return AvailableSlots.of(query, rules,
				catalog.offered(query.startDate(), query.endDate(), query.duration()));
	}

}
