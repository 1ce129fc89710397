package com.acme.booking.token;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Secrets of the booking service ({@code booking.security.*}).
 *
 * @param tokenSecret key of the manage-token HMAC (at least 32 characters, e.g.
 * {@code openssl rand -base64 48}), the same on every API instance and worker. When
 * neither it nor {@code token-secret-file} is set, a random one is generated on first run
 * and kept in {@code <booking.embedded.data-dir>/token-secret}; changing it invalidates
 * every manage link already sent.
 * @param tokenSecretFile a file holding the key (at least 32 characters, e.g. a mounted
 * secret), used when {@code token-secret} is not set. When it is named but missing or
 * unreadable the service refuses to start: it never falls back to another secret, which
 * would silently invalidate every manage link.
 */
@ConfigurationProperties("booking.security")
public record TokenProperties(String tokenSecret, Path tokenSecretFile) {

	@ConstructorBinding
	public TokenProperties {
	}

	/** A secret given as a value, no file. */
	public TokenProperties(String tokenSecret) {
		this(tokenSecret, null);
	}

	@Override
	public String toString() {
		return "TokenProperties[tokenSecret=" + (tokenSecret == null ? "unset" : "***") + ", tokenSecretFile="
				+ tokenSecretFile + "]";
	}

}
