/**
 * Availability and booking rules: the slot grid of the business hours across time zones
 * and daylight-saving changes, the cached listing of offered slots, and the
 * {@link com.acme.booking.availability.SlotGuard} a booking must pass.
 */
package com.acme.booking.availability;
