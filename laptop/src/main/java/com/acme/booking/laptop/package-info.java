/**
 * The laptop runtime: what lets {@code java -jar booking-api.jar} run with nothing
 * installed. Embedded PostgreSQL ({@code postgres}) and the Temporal dev server or the
 * in-process fallback ({@code temporal}), wired by auto-configuration; a production build
 * leaves this module out and names its PostgreSQL and Temporal instead.
 */
package com.acme.booking.laptop;
