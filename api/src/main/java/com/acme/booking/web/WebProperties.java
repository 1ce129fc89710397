package com.acme.booking.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API ({@code booking.web.*}).
 *
 * @param maxBodySize largest request body accepted, whatever its framing (the largest
 * valid booking is about 6 KB); a larger one is refused with 413
 * {@code payload-too-large}. Between 1KB and 10MB.
 */
@Validated
@ConfigurationProperties("booking.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxBodySize) {

	public WebProperties {
		if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > DataSize.ofMegabytes(10).toBytes()) {
			throw new IllegalArgumentException(
					"booking.web.max-body-size must be between 1KB and 10MB, e.g. 64KB (was " + maxBodySize + ")");
		}
	}

}
