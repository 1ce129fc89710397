package com.acme.booking.booking;

import com.acme.booking.ics.BookingIcs;
import com.acme.booking.ics.BookingIcs.IcsMethod;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The booking's "add to calendar" file: the same builder, UID and SEQUENCE as the emails'
 * attachments.
 */
@RestController
class BookingCalendarController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final BookingService service;

	private final BookingIcs ics;

	BookingCalendarController(BookingService service, BookingIcs ics) {
		this.service = service;
		this.ics = ics;
	}

	@Operation(summary = "The booking as an ICS file (RFC 5545)", description = """
			For "add to calendar": `METHOD:PUBLISH`, `UID` = the booking id and `SEQUENCE` = changes so far, \
			as in the emails' invitations, so a calendar keeps one event however it got the file; a \
			cancelled booking's file says `METHOD:CANCEL`. Needs the booking's `X-Booking-Token` (or the \
			admin key); a wrong one is 404 `not-found`. Sent as an attachment and never cached.""")
	@GetMapping(path = "/api/bookings/{id}/calendar.ics")
	ResponseEntity<String> calendar(@PathVariable String id) {
		String file = ics.forBooking(service.get(BookingNotFound.parseId(id)), IcsMethod.PUBLISH);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("booking.ics").build().toString())
			.body(file);
	}

}
