/**
 * What an API instance checks and says as it starts: the prod profile's refusals, the
 * start-up report and failure analysis, and the {@code --check-integrations} run mode.
 */
package com.acme.booking.startup;
