package com.acme.booking.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.acme.booking.admin.AdminProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks the operators' {@code X-Api-Key} in constant time; no key configured means
 * nobody is an operator.
 */
@Component
public class AdminKey {

	public static final String HEADER = "X-Api-Key";

	/**
	 * The role of a request with the admin key, for
	 * {@code HttpServletRequest.isUserInRole}.
	 */
	public static final String ROLE = "ADMIN";

	private final byte[] key;

	public AdminKey(AdminProperties properties) {
		this.key = StringUtils.hasText(properties.apiKey()) ? digest(properties.apiKey()) : null;
	}

	public boolean configured() {
		return key != null;
	}

	public boolean matches(String candidate) {
		return key != null && candidate != null && MessageDigest.isEqual(key, digest(candidate));
	}

	/**
	 * Comparing digests keeps the comparison constant-time even when the lengths differ.
	 */
	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
