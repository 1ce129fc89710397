package com.acme.booking.booking;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestParam;
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

	/**
	 * A booking's path: hexadecimal digits and dashes (a UUID), so that
	 * {@code /api/bookings/available-slots} is not taken for a booking (its {@code Allow}
	 * names GET only); anything else there is a 404 like an unknown booking.
	 */
	private static final String BY_ID = "/{id:[0-9a-fA-F-]+}";

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

	@GetMapping(BY_ID)
	BookingResource get(@PathVariable String id) {
		return BookingResource.of(service.get(BookingNotFound.parseId(id)));
	}

	@PatchMapping(BY_ID)
	BookingResource update(@PathVariable String id, @Valid @RequestBody UpdateBookingRequest request) {
		return BookingResource.of(service.update(BookingNotFound.parseId(id), request));
	}

	@DeleteMapping(BY_ID)
	BookingResource cancel(@PathVariable String id) {
		return BookingResource.of(service.cancel(BookingNotFound.parseId(id)));
	}

	@Operation(summary = "Confirms a booking held for email verification", description = """
			What the link of the verification email leads to (through `verify.html`, which calls this): with \
			`booking.rules.verify-email=true` a new booking holds its slot as `PENDING_VERIFICATION`, and the \
			customer gets one email with a link carrying `code`. Anyone with the code may call this, no token: \
			the hold becomes `CONFIRMED` (200), and only then does the booking reach the calendar and the CRM \
			and the confirmation email go out. Confirming it again is 200 and changes nothing. A wrong or \
			missing code, a hold that expired (`booking.rules.verification-window`) or was cancelled, and a \
			booking made without verification are 404 `not-found`, like a wrong token. The answer carries the \
			appointment only: `id`, `status`, `startTime`, `endTime`, `timeZone`.""")
	@GetMapping("/{id}/verify")
	VerificationResource verify(@PathVariable String id, @RequestParam(required = false) String code) {
		return VerificationResource.of(service.verify(id, code));
	}

}
