package com.acme.booking.security;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every response, as Spring Security's header writers. The pages
 * load their scripts and styles from files only, so the policy allows no inline script or
 * style; nothing may frame them.
 */
final class SecurityHeaders {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI sets styles inline and draws its icons as {@code data:} images; it still
	 * runs no inline script. Outside prod only, or behind the admin key.
	 */
	static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(matcher("/swagger-ui/**"),
			matcher("/swagger-ui.html"), matcher("/actuator/swagger-ui/**"));

	/** A customer's or an operator's booking data: never kept by a browser or proxy. */
	private static final RequestMatcher BOOKING_RESOURCES = new OrRequestMatcher(matcher("/api/bookings/**"),
			matcher("/api/admin/**"));

	private static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	private SecurityHeaders() {
	}

	/**
	 * @param publicUrl {@code booking.public-url}: HSTS only when the service is public
	 * over https (then on every answer, also behind a proxy that ends TLS)
	 */
	static List<HeaderWriter> writers(URI publicUrl) {
		List<HeaderWriter> writers = new ArrayList<>();
		writers.add(new XContentTypeOptionsHeaderWriter());
		writers.add(new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY));
		writers.add(new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER));
		writers.add(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
				new ContentSecurityPolicyHeaderWriter(POLICY)));
		writers.add(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
				new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)));
		writers.add(new DelegatingRequestMatcherHeaderWriter(BOOKING_RESOURCES,
				new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, "no-store")));
		if ("https".equalsIgnoreCase(publicUrl.getScheme())) {
			writers.add(new HstsHeaderWriter(AnyRequestMatcher.INSTANCE, HSTS_MAX_AGE.toSeconds(), true));
		}
		return writers;
	}

	private static RequestMatcher matcher(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

}
