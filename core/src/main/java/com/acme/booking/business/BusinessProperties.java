package com.acme.booking.business;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who the customer is dealing with ({@code booking.business.*}): shown in emails and on
 * the booking page, and the organizer of the calendar files.
 *
 * @param name the business's name, for example {@code Acme Consulting}
 * @param email where customers write to (the emails' Reply-To), and the organizer of
 * calendar invitations; unset, the organizer is {@code booking.mail.from}, else
 * {@code no-reply@<host of booking.public-url>}
 * @param phone a phone number customers may call, shown as given
 */
@Validated
@ConfigurationProperties("booking.business")
public record BusinessProperties(@Size(max = 200) @DefaultValue("Acme Bookings") String name, @Email String email,
		@Size(max = 50) String phone) {
}
