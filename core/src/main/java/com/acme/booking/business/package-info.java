/**
 * The business the bookings are for: its name and contact ({@code booking.business.*}).
 */
package com.acme.booking.business;
