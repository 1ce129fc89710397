package com.acme.booking.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A request that carried the admin key: an operator, who may act on every booking. */
final class OperatorAuthentication extends AbstractAuthenticationToken {

	OperatorAuthentication() {
		super(AuthorityUtils.createAuthorityList("ROLE_" + AdminKey.ROLE));
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return "operator";
	}

}
