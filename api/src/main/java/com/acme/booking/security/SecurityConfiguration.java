package com.acme.booking.security;

import java.time.Clock;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.token.PublicUrlProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Who may call what, for every path, in one place. Operators authenticate with
 * {@code X-Api-Key}, a customer with the {@code X-Booking-Token} of the booking in the
 * path; the rules below then grant or refuse, and {@link Refusals} answers a refusal as
 * the contract says (404 for a booking, 401 for the admin endpoints). The rules are read
 * top to bottom; the first that matches decides.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/** Load balancers' probes: anonymous in every profile and on every port. */
	private static final String[] PROBES = { "/livez", "/readyz", "/actuator/health/liveness",
			"/actuator/health/readiness" };

	/** What operators read: metrics, health details, the API description. */
	private static final String[] OPERATIONS = { "/actuator/**", "/v3/api-docs/**", "/v3/api-docs.yaml",
			"/swagger-ui/**", "/swagger-ui.html" };

	@Bean
	SecurityFilterChain bookingSecurity(HttpSecurity http, AdminKey adminKey, BookingRepository bookings,
			ManageLinks links, Clock clock, ManagementPort managementPort, Environment env) {
		Refusals refusals = new Refusals();
		BookingAccess booking = new BookingAccess();
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CSRF abuses a credential the browser adds by itself: a session
			// cookie, basic auth. The admin key and the manage token travel only
			// in headers that a script of this origin sets, which another site
			// cannot make a browser send: nothing to forge, no session to ride on.
			.csrf(csrf -> csrf.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			// Written by securityHeaders() below, in front of every filter, so that the
			// answers refused before this chain (rate limit, body size) carry them too.
			.headers(headers -> headers.disable())
			.addFilterBefore(new ApiKeyAuthenticationFilter(adminKey), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new BookingTokenAuthenticationFilter(bookings, links, clock),
					ApiKeyAuthenticationFilter.class)
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.authorizeHttpRequests(rules -> rules
				// The container's error page answers for a request already let through.
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers(PROBES)
				.permitAll()
				// management.server.port is kept off the public network: whoever
				// reaches it is an operator.
				.requestMatchers(managementPort::matches)
				.permitAll()
				.requestMatchers(OPERATIONS)
				.access(operations(env))
				.requestMatchers("/api/admin/**")
				.hasRole(AdminKey.ROLE)
				.requestMatchers(BookingTarget.SLOTS_OF_ONE_BOOKING)
				.access(booking)
				.requestMatchers("/api/bookings", "/api/bookings/available-slots")
				.permitAll()
				// The customer confirming their email: the code in the link is the
				// credential, checked by the endpoint.
				.requestMatchers(HttpMethod.GET, "/api/bookings/{id}/verify")
				.permitAll()
				.requestMatchers(BookingTarget.ONE_BOOKING)
				.access(booking)
				.requestMatchers("/api/health/**")
				.permitAll()
				// A new API path answers 404 to everyone until it gets its rule above.
				.requestMatchers("/api/**")
				.denyAll()
				// The booking pages and their files.
				.anyRequest()
				.permitAll());
		return http.build();
	}

	/**
	 * Outside prod, anyone may read the operations endpoints; in prod only an operator
	 * (or anyone on the management port, above).
	 */
	private static AuthorizationManager<RequestAuthorizationContext> operations(Environment env) {
		if (env.matchesProfiles("prod")) {
			return AuthorityAuthorizationManager.hasRole(AdminKey.ROLE);
		}
		return (authentication, context) -> new AuthorizationDecision(true);
	}

	/** The firewall in front of the rules, and its refusals as problems. */
	@Bean
	WebSecurityCustomizer firewall() {
		return web -> web.httpFirewall(RejectedRequests.firewall()).requestRejectedHandler(new RejectedRequests());
	}

	/** The security headers, on every answer of the main port whoever writes it. */
	@Bean
	FilterRegistrationBean<HeaderWriterFilter> securityHeaders(PublicUrlProperties publicUrl) {
		FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(
				new HeaderWriterFilter(SecurityHeaders.writers(publicUrl.publicUrl())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
