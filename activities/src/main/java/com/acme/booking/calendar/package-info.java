/**
 * Google Calendar: every booking is one event in the business calendar, kept in step by
 * the workflow's calendar activity, and the calendar's busy times feed availability.
 * Talks to Calendar API v3 as a service account, through a circuit breaker;
 * {@code calendarHealth} and {@code calendarCheck} report on it. See
 * docs/google-calendar.md.
 */
package com.acme.booking.calendar;
