/**
 * HubSpot CRM integration: the typed CRM v3 client, the sync activity that converges the
 * customer's contact and the booking's meeting to PostgreSQL, the {@code crm} health
 * indicator and configuration check. See docs/hubspot.md.
 */
package com.acme.booking.crm;
