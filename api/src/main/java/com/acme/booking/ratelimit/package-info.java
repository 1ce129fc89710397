/** Per-client rate limiting of the REST API with Resilience4j. */
package com.acme.booking.ratelimit;
