package com.acme.booking.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The port {@code management.server.port} opened, once it is open (it may be chosen at
 * random), so the rules can tell a request on it from one on the main port.
 */
@Component
class ManagementPort {

	private volatile int port = -1;

	@EventListener
	void started(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			port = event.getWebServer().getPort();
		}
	}

	boolean matches(HttpServletRequest request) {
		return port > 0 && request.getLocalPort() == port;
	}

}
