package com.acme.booking.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an operator by {@code X-Api-Key}. A wrong or missing key refuses nothing
 * here: the request goes on anonymously, and the path's rule decides (an admin endpoint
 * answers 401, a public one serves it like anyone else).
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final AdminKey adminKey;

	ApiKeyAuthenticationFilter(AdminKey adminKey) {
		this.adminKey = adminKey;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (adminKey.matches(request.getHeader(AdminKey.HEADER))) {
			SecurityContext context = contexts.createEmptyContext();
			context.setAuthentication(new OperatorAuthentication());
			contexts.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
