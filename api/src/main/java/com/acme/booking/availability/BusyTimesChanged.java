package com.acme.booking.availability;

import java.time.LocalDate;

/**
 * A fresh calendar answer for a business date differs from the cached one: slot lists of
 * that date are stale.
 */
record BusyTimesChanged(LocalDate day) {
}
