/**
 * The emails of a booking as kept in PostgreSQL: written by the mail activity before it
 * talks to SMTP (at most once per booking, revision and kind), read by the admin API
 * ({@code GET /api/admin/bookings/{id}/messages}). See docs/emails.md.
 */
package com.acme.booking.message;
