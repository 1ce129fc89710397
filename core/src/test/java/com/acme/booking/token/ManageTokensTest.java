package com.acme.booking.token;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;

import com.acme.booking.config.EmbeddedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Manage tokens: an HMAC of the booking id and the link version, 256 bits, compared in
 * constant time; verification codes under their own label.
 */
class ManageTokensTest {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final UUID BOOKING = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");

	@TempDir
	Path dataDir;

	@Test
	void theTokenIs256BitsOfUrlSafeBase64() {
		String token = tokens(SECRET).tokenFor(BOOKING, 1);

		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
	}

	@Test
	void theTokenIsTheSameForTheSameBookingAndSecret() {
		assertThat(tokens(SECRET).tokenFor(BOOKING, 1)).isEqualTo(tokens(SECRET).tokenFor(BOOKING, 1));
	}

	@Test
	void theTokenDiffersPerBookingAndPerSecret() {
		String token = tokens(SECRET).tokenFor(BOOKING, 1);

		assertThat(tokens(SECRET).tokenFor(UUID.randomUUID(), 1)).isNotEqualTo(token);
		assertThat(tokens(SECRET + "x").tokenFor(BOOKING, 1)).isNotEqualTo(token);
	}

	@Test
	void matchesTheBookingsOwnTokenOnly() {
		ManageTokens tokens = tokens(SECRET);
		String token = tokens.tokenFor(BOOKING, 1);

		assertThat(tokens.matches(BOOKING, 1, token)).isTrue();
		assertThat(tokens.matches(UUID.randomUUID(), 1, token)).isFalse();
		assertThat(tokens.matches(BOOKING, 1, tokens(SECRET + "x").tokenFor(BOOKING, 1))).isFalse();
	}

	@Test
	void aRevokedVersionsTokenNoLongerMatches() {
		ManageTokens tokens = tokens(SECRET);
		String first = tokens.tokenFor(BOOKING, 1);

		assertThat(tokens.tokenFor(BOOKING, 2)).isNotEqualTo(first);
		assertThat(tokens.matches(BOOKING, 2, first)).isFalse();
		assertThat(tokens.matches(BOOKING, 2, tokens.tokenFor(BOOKING, 2))).isTrue();
	}

	@Test
	void theVerificationCodeIsNoManageTokenAndMatchesItsBookingOnly() {
		ManageTokens tokens = tokens(SECRET);
		String code = tokens.verificationCode(BOOKING);

		assertThat(code).hasSize(43).isNotEqualTo(tokens.tokenFor(BOOKING, 1));
		assertThat(tokens.matches(BOOKING, 1, code)).isFalse();
		assertThat(tokens.verificationMatches(BOOKING, code)).isTrue();
		assertThat(tokens.verificationMatches(UUID.randomUUID(), code)).isFalse();
		assertThat(tokens.verificationMatches(BOOKING, tokens.tokenFor(BOOKING, 1))).isFalse();
		assertThat(tokens.verificationMatches(BOOKING, null)).isFalse();
	}

	@Test
	void rejectsNullEmptyTruncatedExtendedAlteredAndNonAsciiTokens() {
		ManageTokens tokens = tokens(SECRET);
		String token = tokens.tokenFor(BOOKING, 1);
		char last = token.charAt(42);

		assertThat(tokens.matches(BOOKING, 1, null)).isFalse();
		assertThat(tokens.matches(BOOKING, 1, "")).isFalse();
		assertThat(tokens.matches(BOOKING, 1, token.substring(0, 42))).isFalse();
		assertThat(tokens.matches(BOOKING, 1, token + "A")).isFalse();
		assertThat(tokens.matches(BOOKING, 1, token.substring(0, 42) + (last == 'A' ? 'B' : 'A'))).isFalse();
		assertThat(tokens.matches(BOOKING, 1, "\u00e9".repeat(43))).isFalse();
	}

	@Test
	void refusesAConfiguredSecretShorterThan32Characters() {
		assertThatIllegalStateException().isThrownBy(() -> tokens("too-short-a-secret"))
			.withMessageContaining("booking.security.token-secret")
			.withMessageContaining("at least 32 characters");
	}

	@Test
	void generatesASecretInTheDataDirOnFirstRunAndReusesItAfterwards() throws Exception {
		Path file = dataDir.resolve("token-secret");
		assertThat(file).doesNotExist();

		String first = tokens(null).tokenFor(BOOKING, 1);

		assertThat(file).exists();
		assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
		assertThat(tokens(null).tokenFor(BOOKING, 1)).isEqualTo(first);
		assertThat(tokens(" ").tokenFor(BOOKING, 1)).isEqualTo(first);
	}

	@Test
	void theGeneratedSecretAndItsFolderAreTheServiceUsersAlone() throws Exception {
		Path fresh = dataDir.resolve("fresh");

		new ManageTokens(new TokenProperties(null), new EmbeddedProperties(true, fresh, false, "off", "off"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("token-secret"))))
			.isEqualTo("rw-------");
	}

	@Test
	void aSecretAnEarlierBuildLeftReadableToOthersIsClosedToThem() throws Exception {
		Path old = Files.createDirectories(dataDir.resolve("old"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Path secret = Files.writeString(old.resolve("token-secret"), Base64.getEncoder().encodeToString(new byte[32]));
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

		new ManageTokens(new TokenProperties(null), new EmbeddedProperties(true, old, false, "off", "off"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
	}

	@Test
	void neverWritesTheSecretThroughALinkPlantedInItsPlace() throws Exception {
		Path elsewhere = dataDir.resolve("elsewhere");
		Files.createSymbolicLink(dataDir.resolve("token-secret"), elsewhere);

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> tokens(null));
		assertThat(elsewhere).doesNotExist();
	}

	@Test
	void aNewDataDirGetsANewSecret(@TempDir Path otherDir) {
		String first = tokens(null).tokenFor(BOOKING, 1);

		ManageTokens elsewhere = new ManageTokens(new TokenProperties(null),
				new EmbeddedProperties(true, otherDir, false, "off", "off"));

		assertThat(elsewhere.tokenFor(BOOKING, 1)).isNotEqualTo(first);
	}

	@Test
	void aConfiguredSecretLeavesTheDataDirAlone() {
		tokens(SECRET).tokenFor(BOOKING, 1);

		assertThat(dataDir.resolve("token-secret")).doesNotExist();
	}

	@Test
	void readsTheSecretFromTheNamedFile() throws Exception {
		Path file = Files.writeString(dataDir.resolve("mounted-secret"), SECRET + "\n");

		ManageTokens fromFile = new ManageTokens(new TokenProperties(null, file),
				new EmbeddedProperties(true, dataDir, false, "off", "off"));

		assertThat(fromFile.tokenFor(BOOKING, 1)).isEqualTo(tokens(SECRET).tokenFor(BOOKING, 1));
	}

	@Test
	void refusesToStartWhenTheNamedSecretFileIsMissingInsteadOfGeneratingOne() {
		Path missing = dataDir.resolve("no-such-secret");

		assertThatIllegalStateException()
			.isThrownBy(() -> new ManageTokens(new TokenProperties(null, missing),
					new EmbeddedProperties(true, dataDir, false, "off", "off")))
			.withMessageContaining("booking.security.token-secret-file")
			.withMessageContaining("no-such-secret");
		assertThat(dataDir.resolve("token-secret")).doesNotExist();
	}

	private ManageTokens tokens(String secret) {
		return new ManageTokens(new TokenProperties(secret),
				new EmbeddedProperties(true, dataDir, false, "off", "off"));
	}

}
