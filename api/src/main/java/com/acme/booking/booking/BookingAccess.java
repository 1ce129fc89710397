package com.acme.booking.booking;

import java.util.UUID;

import com.acme.booking.admin.AdminKey;
import com.acme.booking.token.ManageTokens;

import org.springframework.stereotype.Component;

/**
 * Who may act on a booking: the holder of its manage token ({@code X-Booking-Token}) or
 * an operator ({@code X-Api-Key}). Anyone else gets {@link BookingNotFound}, the same
 * answer as for an unknown id, so a wrong token learns nothing.
 */
@Component
public class BookingAccess {

	public static final String TOKEN_HEADER = "X-Booking-Token";

	private final ManageTokens tokens;

	private final AdminKey adminKey;

	BookingAccess(ManageTokens tokens, AdminKey adminKey) {
		this.tokens = tokens;
		this.adminKey = adminKey;
	}

	/**
	 * @return the booking id if the caller may act on it
	 * @throws BookingNotFound for a malformed id, a wrong or missing token and key
	 */
	public UUID authorize(String id, String token, String apiKey) {
		UUID bookingId = BookingNotFound.parseId(id);
		if (adminKey.matches(apiKey) || tokens.matches(bookingId, token)) {
			return bookingId;
		}
		throw new BookingNotFound();
	}

}
