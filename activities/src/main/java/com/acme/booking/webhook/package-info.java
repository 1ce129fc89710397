/**
 * Outbound webhooks as the Standard Webhooks specification defines them: the endpoints
 * configured, the addresses refused, the signed requests and the workflow's activity that
 * sends a booking's events in order.
 */
package com.acme.booking.webhook;
