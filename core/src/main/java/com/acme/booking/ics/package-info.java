/**
 * Calendar files (ICS) of a booking, shared by the emails and the booking page.
 * {@code UID} = booking id, {@code SEQUENCE} = revision - 1; see
 * {@link com.acme.booking.ics.BookingIcs} and docs/emails.md.
 */
package com.acme.booking.ics;
