package com.acme.booking.token;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the booking service ({@code booking.security.*}).
 *
 * @param tokenSecret key of the manage-token HMAC (at least 32 characters). When unset, a random one is generated
 * on first run and kept in {@code <booking.embedded.data-dir>/token-secret}; changing it invalidates every manage
 * link already sent.
 */
@ConfigurationProperties("booking.security")
public record TokenProperties(String tokenSecret) {

	@Override
	public String toString() {
		return "TokenProperties[tokenSecret=" + (tokenSecret == null ? "unset" : "***") + "]";
	}

}
