package com.acme.booking.token;

import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The manage page's link for a booking:
 * {@code <booking.public-url>/manage.html?id=<id>#token=<token>}. The token travels in
 * the fragment, which browsers never send to a server, so it stays out of access logs and
 * Referer headers. Rebuilt from the booking id wherever it is needed (create response,
 * emails), never stored.
 */
@Component
@EnableConfigurationProperties(PublicUrlProperties.class)
public class ManageLinks {

	private final String base;

	private final ManageTokens tokens;

	public ManageLinks(PublicUrlProperties properties, ManageTokens tokens) {
		String url = properties.publicUrl().toString();
		this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.tokens = tokens;
	}

	/** The manage page's URL for the booking, token included. */
	public String manageUrl(UUID bookingId) {
		return base + "/manage.html?id=" + bookingId + "#token=" + tokens.tokenFor(bookingId);
	}

	/** The booking's manage token alone, for API clients that build their own link. */
	public String tokenFor(UUID bookingId) {
		return tokens.tokenFor(bookingId);
	}

	/** The base URL customers reach the service at, without a trailing slash. */
	public String publicUrl() {
		return base;
	}

}
