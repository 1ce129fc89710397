package com.acme.booking.token;

import java.nio.file.Path;
import java.time.Duration;

import com.acme.booking.config.PositiveDuration;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Secrets and manage links of the booking service ({@code booking.security.*}).
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
 * @param manageLinkTtl how long after the appointment's end a manage link keeps working;
 * then its token is refused like a wrong one
 */
@Validated
@ConfigurationProperties("booking.security")
public record TokenProperties(String tokenSecret, Path tokenSecretFile,
		@NotNull @PositiveDuration @DefaultValue("30d") Duration manageLinkTtl) {

	static final Duration DEFAULT_MANAGE_LINK_TTL = Duration.ofDays(30);

	@ConstructorBinding
	public TokenProperties {
	}

	/** A secret given as a value, no file, the default link lifetime. */
	public TokenProperties(String tokenSecret) {
		this(tokenSecret, null);
	}

	/** A secret given as a value or a file, the default link lifetime. */
	public TokenProperties(String tokenSecret, Path tokenSecretFile) {
		this(tokenSecret, tokenSecretFile, DEFAULT_MANAGE_LINK_TTL);
	}

	@Override
	public String toString() {
		return "TokenProperties[tokenSecret=" + (tokenSecret == null ? "unset" : "***") + ", tokenSecretFile="
				+ tokenSecretFile + ", manageLinkTtl=" + manageLinkTtl + "]";
	}

}
