/**
 * How the service looks at Google and HubSpot without a request paying for it: health
 * indicators fed by the API's background probe (for {@code /api/health} and Actuator),
 * and the credential checks of {@code --check-integrations}.
 */
package com.acme.booking.probe;
