package com.acme.booking.booking;

import java.net.URI;
import java.util.UUID;

import com.acme.booking.admin.AdminKey;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers' bookings. Reading or changing one takes its manage token
 * ({@code X-Booking-Token}) or the admin key.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

	static final String TOKEN_HEADER = BookingAccess.TOKEN_HEADER;

	/**
	 * A booking's path: hexadecimal digits and dashes (a UUID), so that
	 * {@code /api/bookings/available-slots} is not taken for a booking (its {@code Allow}
	 * names GET only); anything else there is a 404 like an unknown booking.
	 */
	private static final String BY_ID = "/{id:[0-9a-fA-F-]+}";

	private final BookingService service;

	private final BookingAccess access;

	BookingController(BookingService service, BookingAccess access) {
		this.service = service;
		this.access = access;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<BookingResource> create(@Valid @RequestBody CreateBookingRequest request) {
		BookingResource created = service.create(request);
		return ResponseEntity.created(URI.create("/api/bookings/" + created.id())).body(created);
	}

	@GetMapping(BY_ID)
	BookingResource get(@PathVariable String id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestHeader(name = AdminKey.HEADER, required = false) String apiKey) {
		return BookingResource.of(service.get(authorized(id, token, apiKey)));
	}

	@PatchMapping(BY_ID)
	BookingResource update(@PathVariable String id, @Valid @RequestBody UpdateBookingRequest request,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestHeader(name = AdminKey.HEADER, required = false) String apiKey) {
		return BookingResource.of(service.update(authorized(id, token, apiKey), request));
	}

	@DeleteMapping(BY_ID)
	BookingResource cancel(@PathVariable String id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestHeader(name = AdminKey.HEADER, required = false) String apiKey) {
		return BookingResource.of(service.cancel(authorized(id, token, apiKey)));
	}

	private UUID authorized(String id, String token, String apiKey) {
		return access.authorize(id, token, apiKey);
	}

}
