package com.acme.booking.security;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HSTS follows {@code booking.public-url}: on every answer when the service is public
 * over https (also one that reached it as http from a proxy ending TLS), never otherwise.
 */
class SecurityHeadersTest {

	@Test
	void sendsHstsOnEveryAnswerWhenThePublicAddressIsHttps() {
		MockHttpServletResponse response = write(URI.create("https://booking.example.com"));

		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void sendsNoHstsWhenThePublicAddressIsHttp() {
		assertThat(write(URI.create("http://localhost:8080")).getHeader("Strict-Transport-Security")).isNull();
	}

	@Test
	void givesSwaggerUiItsStylesButNeverInlineScript() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/swagger-ui/index.html");
		MockHttpServletResponse response = new MockHttpServletResponse();

		SecurityHeaders.writers(URI.create("http://localhost:8080"))
			.forEach(writer -> writer.writeHeaders(request, response));

		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.SWAGGER_UI_POLICY)
			.contains("script-src 'self';", "frame-ancestors 'none'");
	}

	private static MockHttpServletResponse write(URI publicUrl) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/manage.html");
		MockHttpServletResponse response = new MockHttpServletResponse();
		SecurityHeaders.writers(publicUrl).forEach(writer -> writer.writeHeaders(request, response));
		return response;
	}

}
