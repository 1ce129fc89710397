/**
 * The reconciler: finds bookings whose sync fell behind and signals or restarts their
 * workflows, on the one API instance that holds its PostgreSQL advisory lock.
 */
package com.acme.booking.reconcile;
