package com.acme.booking.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator access ({@code booking.admin.*}).
 *
 * @param apiKey the key operators send in {@code X-Api-Key}; with none configured the
 * admin endpoints answer 401 to everyone
 */
@ConfigurationProperties("booking.admin")
public record AdminProperties(String apiKey) {

	@Override
	public String toString() {
		return "AdminProperties[apiKey=" + (apiKey == null ? "unset" : "***") + "]";
	}

}
