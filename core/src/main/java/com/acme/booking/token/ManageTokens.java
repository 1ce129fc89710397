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

import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.config.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Manage tokens and verification codes: HMAC-SHA256 under a server secret, so nothing is
 * stored (a database leak reveals no token) and a token can be rebuilt for a link. A
 * manage token covers the booking id and the version of its manage link (bumped when an
 * operator revokes the link); a verification code covers the booking id under another
 * label, so neither opens what the other does. 256 bits, URL-safe Base64, compared in
 * constant time.
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

	/** The token of version {@code version} of the booking's manage link. */
	public String tokenFor(UUID bookingId, int version) {
		return encode(mac("manage:" + bookingId + ":" + version));
	}

	/**
	 * Whether {@code token} is the token of version {@code version} of the booking's
	 * manage link; constant time whatever the input.
	 */
	public boolean matches(UUID bookingId, int version, String token) {
		return same(tokenFor(bookingId, version), token);
	}

	/** The code of the booking's verification link. */
	public String verificationCode(UUID bookingId) {
		return encode(mac("verify:" + bookingId));
	}

	/**
	 * Whether {@code code} is the booking's verification code; constant time whatever the
	 * input.
	 */
	public boolean verificationMatches(UUID bookingId, String code) {
		return same(verificationCode(bookingId), code);
	}

	private static boolean same(String expected, String given) {
		if (given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

	private static String encode(byte[] mac) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}

	private byte[] mac(String message) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
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
				OwnerOnly.folder(file.toAbsolutePath().getParent());
				OwnerOnly.existingFile(file);
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
