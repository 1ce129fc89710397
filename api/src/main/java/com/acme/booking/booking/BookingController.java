package com.acme.booking.booking;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers' bookings. Reading or changing one takes its manage token
 * ({@code X-Booking-Token}) or the admin key: the security configuration lets no other
 * request on {@code /api/bookings/{id}} through.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

	private final BookingService service;

	BookingController(BookingService service) {
		this.service = service;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<BookingResource> create(@Valid @RequestBody CreateBookingRequest request) {
		BookingResource created = service.create(request);
		return ResponseEntity.created(URI.create("/api/bookings/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	BookingResource get(@PathVariable String id) {
		return BookingResource.of(service.get(BookingNotFound.parseId(id)));
	}

	@PatchMapping("/{id}")
	BookingResource update(@PathVariable String id, @Valid @RequestBody UpdateBookingRequest request) {
		return BookingResource.of(service.update(BookingNotFound.parseId(id), request));
	}

	@DeleteMapping("/{id}")
	BookingResource cancel(@PathVariable String id) {
		return BookingResource.of(service.cancel(BookingNotFound.parseId(id)));
	}

}
