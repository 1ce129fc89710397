package com.acme.booking.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.acme.booking.embedded.EmbeddedProperties;
import com.acme.booking.embedded.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Manage tokens: HMAC-SHA256 of the booking id under a server secret, so nothing is
 * stored (a database leak reveals no token) and the token can be rebuilt for a manage
 * link. 256 bits, URL-safe Base64, compared in constant time.
 */
@Component
@EnableConfigurationProperties({ TokenProperties.class, EmbeddedProperties.class })
public class ManageTokens {

	private static final Logger log = LoggerFactory.getLogger(ManageTokens.class);

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public ManageTokens(TokenProperties properties, EmbeddedProperties embedded) {
		this.key = new SecretKeySpec(secret(properties, embedded.dataDir()), ALGORITHM);
	}

	/** The token for a booking. */
	public String tokenFor(UUID bookingId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(bookingId));
	}

	/** Whether {@code token} is the booking's token; constant time whatever the input. */
	public boolean matches(UUID bookingId, String token) {
		if (token == null) {
			return false;
		}
		byte[] expected = tokenFor(bookingId).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
	}

	private byte[] mac(UUID bookingId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(bookingId.toString().getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] secret(TokenProperties properties, Path dataDir) {
		if (StringUtils.hasText(properties.tokenSecret())) {
			if (properties.tokenSecret().length() < 32) {
				throw new IllegalStateException(
						"booking.security.token-secret must be at least 32 characters; use a long random value");
			}
			return properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
		}
		if (properties.tokenSecretFile() != null) {
			return configuredSecret(properties.tokenSecretFile());
		}
		return generatedSecret(dataDir.resolve("token-secret"));
	}

	/**
	 * The secret in the file the operator named; missing or short means refusing to
	 * start, never a fallback.
	 */
	private static byte[] configuredSecret(Path file) {
		String secret;
		try {
			secret = Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("booking.security.token-secret-file " + file.toAbsolutePath().normalize()
					+ " cannot be read (" + ex.getClass().getSimpleName() + "); refusing to start rather than invent "
					+ "another secret, which would invalidate every manage link already sent", ex);
		}
		if (secret.length() < 32) {
			throw new IllegalStateException("booking.security.token-secret-file " + file.toAbsolutePath().normalize()
					+ " holds fewer than 32 characters; use a long random value");
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A random secret kept beside the embedded data, made on first run readable by the
	 * service's user only ({@link OwnerOnly}).
	 */
	private static byte[] generatedSecret(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			OwnerOnly.folder(file.toAbsolutePath().getParent());
			OwnerOnly.newFile(file, Base64.getEncoder().encodeToString(secret));
			log.info("Generated the manage-token secret in {}", file.toAbsolutePath().normalize());
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the manage-token secret " + file
					+ "; set booking.security.token-secret or make the folder writable", ex);
		}
	}

}
