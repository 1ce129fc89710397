/**
 * The customer's emails: confirmation, update, cancellation and reminder, each with a
 * plain-text and an HTML part and the booking's calendar file. Sent by the workflow's
 * mail activities over SMTP (Spring Mail), recorded in PostgreSQL before sending so a
 * retry never sends twice. See docs/emails.md.
 */
package com.acme.booking.mail;
