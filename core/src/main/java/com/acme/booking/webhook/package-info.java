/**
 * Outbound webhooks in PostgreSQL: the events the booking's changes are, the deliveries
 * made from them with their attempts, the endpoints that asked to hear no more.
 */
package com.acme.booking.webhook;
