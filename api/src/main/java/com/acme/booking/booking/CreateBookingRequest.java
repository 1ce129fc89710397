package com.acme.booking.booking;

import java.time.OffsetDateTime;

import com.acme.booking.web.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/bookings}. Unknown fields are refused (400).
 *
 * @param timeZone the customer's IANA time zone, kept for display; the business time zone
 * when absent
 */
record CreateBookingRequest(@NotNull @Size(max = 200) @PlainText(notBlank = true) String name,
		@NotBlank @Email @Size(max = 254) @PlainText String email, @Size(max = 200) @PlainText String company,
		@Size(max = 50) @Pattern(regexp = "^[0-9+()./\\- ]*$",
				message = "may contain only digits, spaces and + ( ) . / -") String phone,
		@Size(max = 5000) @PlainText(multiline = true) String inquiry, @NotNull OffsetDateTime startTime,
		@Min(1) @Max(1440) Integer durationMinutes, @Size(max = 64) @PlainText String timeZone) {
}
