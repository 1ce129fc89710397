package com.acme.booking.security;

import java.io.IOException;

import com.acme.booking.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What the security layer's firewall refuses, answered like every other refusal. A URL no
 * resource can have (an encoded semicolon, slash or percent sign, a backslash, a control
 * character) is a 404 problem: there is nothing at it. Methods are left to Spring MVC, so
 * that one it does not know (say {@code QUERY}) is the contract's 405
 * {@code method-not-allowed} with {@code Allow}, not a bare 400.
 */
final class RejectedRequests implements RequestRejectedHandler {

	static HttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return firewall;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		Problems.write(request, response,
				Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is nothing at this address"));
	}

}
