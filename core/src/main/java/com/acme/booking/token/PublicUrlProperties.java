package com.acme.booking.token;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where customers reach the service ({@code booking.public-url}).
 *
 * @param publicUrl absolute base URL of the booking and manage pages as customers see
 * them (behind any proxy), for example {@code https://book.example.com}; the manage links
 * in API responses and emails start with it
 */
@Validated
@ConfigurationProperties("booking")
public record PublicUrlProperties(@NotNull @DefaultValue("http://localhost:8080") URI publicUrl) {

	public PublicUrlProperties {
		if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null
				|| !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme())))) {
			throw new IllegalArgumentException(
					"booking.public-url must be an absolute http(s) URL such as https://book.example.com, not '"
							+ publicUrl + "'");
		}
	}

}
