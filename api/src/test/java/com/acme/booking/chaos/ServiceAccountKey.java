package com.acme.booking.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * A real service-account JSON key (fresh RSA key) whose {@code token_uri} points at the
 * calendar stand-in.
 */
final class ServiceAccountKey {

	private ServiceAccountKey() {
	}

	static Path write(Path file, String tokenUri) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
			Files.writeString(file,
					StandIn.JSON.writeValueAsString(Map.of("type", "service_account", "project_id", "chaos",
							"private_key_id", "0123456789abcdef", "private_key", pem, "client_email",
							"booking-sync@chaos.iam.gserviceaccount.com", "client_id", "100000000000000000001",
							"token_uri", tokenUri)));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
