package com.acme.booking.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule of a request about one booking: an operator, or the holder of that very
 * booking's token. Everyone else is refused, and {@link Refusals} answers 404 as for an
 * unknown booking, so a wrong token learns nothing.
 */
final class BookingAccess implements AuthorizationManager<RequestAuthorizationContext> {

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		boolean granted = caller instanceof OperatorAuthentication
				|| caller instanceof BookingHolderAuthentication holder
						&& BookingTarget.of(context.getRequest()).filter(holder.bookingId()::equals).isPresent();
		return new AuthorizationDecision(granted);
	}

}
