package com.acme.booking.booking;

import java.time.Clock;
import java.util.UUID;

import com.acme.booking.admin.AdminKey;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.token.ManageLinks;

import org.springframework.stereotype.Component;

/**
 * Who may act on a booking: the holder of its current manage token
 * ({@code X-Booking-Token}, before the link's end of life: see {@link ManageLinks#opens})
 * or an operator ({@code X-Api-Key}). Anyone else gets {@link BookingNotFound}, the same
 * answer as for an unknown id, so a wrong, expired or revoked token learns nothing.
 */
@Component
public class BookingAccess {

	public static final String TOKEN_HEADER = "X-Booking-Token";

	private final BookingRepository bookings;

	private final ManageLinks links;

	private final AdminKey adminKey;

	private final Clock clock;

	BookingAccess(BookingRepository bookings, ManageLinks links, AdminKey adminKey, Clock clock) {
		this.bookings = bookings;
		this.links = links;
		this.adminKey = adminKey;
		this.clock = clock;
	}

	/**
	 * @return the booking id if the caller may act on it
	 * @throws BookingNotFound for a malformed id, a wrong, expired, revoked or missing
	 * token and key
	 */
	public UUID authorize(String id, String token, String apiKey) {
		UUID bookingId = BookingNotFound.parseId(id);
		if (adminKey.matches(apiKey)) {
			return bookingId;
		}
		// The token covers the link's version, and its end of life follows the
		// appointment: both are on the row.
		if (token != null && bookings.findById(bookingId)
			.filter(booking -> links.opens(booking, token, clock.instant()))
			.isPresent()) {
			return bookingId;
		}
		throw new BookingNotFound();
	}

}
