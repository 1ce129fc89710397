/**
 * PostgreSQL inside the process (zonky's binaries) on the locked data folder, reachable
 * by the service's user alone.
 */
package com.acme.booking.laptop.postgres;
