/**
 * What log lines carry: a correlation id per request that follows the booking into its
 * workflow and activities, and email addresses masked wherever they would be written.
 */
package com.acme.booking.logging;
