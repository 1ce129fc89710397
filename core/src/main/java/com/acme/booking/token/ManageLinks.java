package com.acme.booking.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.booking.core.Booking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The links a customer gets for a booking. The manage page's link is
 * {@code <booking.public-url>/manage.html?id=<id>#token=<token>}; the verification link
 * {@code <booking.public-url>/verify.html?id=<id>#code=<code>}. The secret travels in the
 * fragment, which browsers never send to a server, so it stays out of access logs and
 * Referer headers. Rebuilt from the booking wherever it is needed (create response,
 * emails), never stored: a recorded email keeps the link with its secret masked
 * ({@link #masked}).
 * <p>
 * A manage link works while its version is the booking's (an operator's revocation bumps
 * it) and until {@code booking.security.manage-link-ttl} after the appointment's end.
 */
@Component
@EnableConfigurationProperties(PublicUrlProperties.class)
public class ManageLinks {

	/** What a recorded email shows instead of a token or code. */
	public static final String MASK = "***";

	private final String base;

	private final ManageTokens tokens;

	private final Duration ttl;

	public ManageLinks(PublicUrlProperties properties, ManageTokens tokens, TokenProperties tokenProperties) {
		String url = properties.publicUrl().toString();
		this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.tokens = tokens;
		this.ttl = tokenProperties.manageLinkTtl();
	}

	/** The manage page's URL for the booking's current link, token included. */
	public String manageUrl(Booking booking) {
		return manageUrl(booking.id(), tokenFor(booking));
	}

	/**
	 * The booking's current manage token alone, for API clients that build their own
	 * link.
	 */
	public String tokenFor(Booking booking) {
		return tokens.tokenFor(booking.id(), booking.manageLinkVersion());
	}

	/** The link of the booking's verification email, code included. */
	public String verifyUrl(UUID bookingId) {
		return base + "/verify.html?id=" + bookingId + "#code=" + tokens.verificationCode(bookingId);
	}

	/**
	 * Whether {@code token} opens the booking at {@code now}: the token of its current
	 * link version (compared in constant time), before the link's end of life.
	 */
	public boolean opens(Booking booking, String token, Instant now) {
		boolean matches = tokens.matches(booking.id(), booking.manageLinkVersion(), token);
		return matches && now.isBefore(booking.endTime().plus(ttl));
	}

	/** Whether {@code code} is the booking's verification code (constant time). */
	public boolean verifies(UUID bookingId, String code) {
		return tokens.verificationMatches(bookingId, code);
	}

	/**
	 * {@code text} with the booking's current manage token and its verification code
	 * replaced by {@link #MASK}: what is kept of an email built from {@code booking}.
	 */
	public String masked(String text, Booking booking) {
		return text.replace(tokenFor(booking), MASK).replace(tokens.verificationCode(booking.id()), MASK);
	}

	/** The base URL customers reach the service at, without a trailing slash. */
	public String publicUrl() {
		return base;
	}

	private String manageUrl(UUID bookingId, String token) {
		return base + "/manage.html?id=" + bookingId + "#token=" + token;
	}

}
