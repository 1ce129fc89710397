package com.acme.booking.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HubSpot CRM integration ({@code booking.crm.*}).
 *
 * @param enabled whether bookings are pushed to HubSpot
 * @param hubspot the HubSpot connection
 */
@ConfigurationProperties("booking.crm")
public record CrmProperties(@DefaultValue("false") boolean enabled, @DefaultValue HubSpot hubspot) {

	/**
	 * @param accessToken private app token ({@code pat-<region>-<uuid>}); never logged
	 * @param baseUrl root of HubSpot's API
	 */
	public record HubSpot(String accessToken, @DefaultValue("https://api.hubapi.com") String baseUrl) {

		@Override
		public String toString() {
			return "HubSpot[baseUrl=" + baseUrl + ", accessToken=" + (accessToken == null ? "unset" : "***") + "]";
		}

	}

}
