package com.acme.booking.booking;

import java.time.OffsetDateTime;

import com.acme.booking.web.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/bookings/{id}}: any of these; a time or duration reschedules under
 * the slot rules.
 */
record UpdateBookingRequest(OffsetDateTime startTime, @Min(1) @Max(1440) Integer durationMinutes,
		@Size(max = 200) @PlainText(notBlank = true) String name, @Size(max = 200) @PlainText String company,
		@Size(max = 50) @Pattern(regexp = "^[0-9+()./\\- ]*$",
				message = "may contain only digits, spaces and + ( ) . / -") String phone,
		@Size(max = 5000) @PlainText(multiline = true) String inquiry) {

	boolean empty() {
		return startTime == null && durationMinutes == null && name == null && company == null && phone == null
				&& inquiry == null;
	}

	boolean reschedules() {
		return startTime != null || durationMinutes != null;
	}

}
