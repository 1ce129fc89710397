/**
 * Configuration every module shares: the data folder's settings
 * ({@code booking.embedded}), files only the service's user may read, the Temporal server
 * this process started, and the validation of the configuration properties.
 */
package com.acme.booking.config;
