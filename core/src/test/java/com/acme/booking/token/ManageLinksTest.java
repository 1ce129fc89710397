package com.acme.booking.token;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Manage and verification links: the public URL, the page, the id in the query and the
 * secret in the fragment; a manage link works for its current version until its time is
 * up.
 */
class ManageLinksTest {

	private static final UUID BOOKING = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");

	private static final Instant END = Instant.parse("2026-12-01T09:30:00Z");

	private static final Duration TTL = Duration.ofDays(30);

	@TempDir
	Path dataDir;

	@Test
	void putsTheTokenInTheFragmentAfterTheIdInTheQuery() {
		ManageTokens tokens = tokens();
		ManageLinks links = links("https://book.example.com/", tokens);

		assertThat(links.manageUrl(booking(1)))
			.isEqualTo("https://book.example.com/manage.html?id=" + BOOKING + "#token=" + tokens.tokenFor(BOOKING, 1));
		assertThat(links.manageUrl(booking(2))).endsWith("#token=" + tokens.tokenFor(BOOKING, 2));
		assertThat(links.verifyUrl(BOOKING)).isEqualTo(
				"https://book.example.com/verify.html?id=" + BOOKING + "#code=" + tokens.verificationCode(BOOKING));
	}

	@Test
	void keepsAPathPrefix() {
		ManageLinks links = links("https://example.com/booking", tokens());

		assertThat(links.manageUrl(booking(1))).startsWith("https://example.com/booking/manage.html?id=");
		assertThat(links.publicUrl()).isEqualTo("https://example.com/booking");
	}

	@Test
	void aLinkOpensItsBookingUntilTheTtlAfterTheAppointmentsEnd() {
		ManageLinks links = links("https://book.example.com", tokens());
		String token = links.tokenFor(booking(1));

		assertThat(links.opens(booking(1), token, END.plus(TTL).minusSeconds(1))).isTrue();
		assertThat(links.opens(booking(1), token, END.plus(TTL))).isFalse();
		assertThat(links.opens(booking(1), "A".repeat(43), END)).isFalse();
	}

	@Test
	void aRevokedLinkNoLongerOpensItsBooking() {
		ManageLinks links = links("https://book.example.com", tokens());
		String old = links.tokenFor(booking(1));

		assertThat(links.opens(booking(2), old, END)).isFalse();
		assertThat(links.opens(booking(2), links.tokenFor(booking(2)), END)).isTrue();
	}

	@Test
	void masksTheTokenAndTheCodeInWhatIsKept() {
		ManageLinks links = links("https://book.example.com", tokens());
		String text = "Manage: " + links.manageUrl(booking(2)) + " Confirm: " + links.verifyUrl(BOOKING);

		assertThat(links.masked(text, booking(2))).isEqualTo("Manage: https://book.example.com/manage.html?id="
				+ BOOKING + "#token=*** Confirm: https://book.example.com/verify.html?id=" + BOOKING + "#code=***");
	}

	@Test
	void refusesARelativeOrNonHttpPublicUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrlProperties(URI.create("/booking")))
			.withMessageContaining("booking.public-url");
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrlProperties(URI.create("ftp://x.example")))
			.withMessageContaining("booking.public-url");
	}

	private ManageLinks links(String publicUrl, ManageTokens tokens) {
		return new ManageLinks(new PublicUrlProperties(URI.create(publicUrl)), tokens,
				new TokenProperties(null, null, TTL));
	}

	private static Booking booking(int linkVersion) {
		Instant start = END.minus(Duration.ofMinutes(30));
		return new Booking(BOOKING, BookingStatus.CONFIRMED, "Ada", "ada@example.com", null, null, null, start, END,
				"Europe/London", 1, null, null, null, start, start, null, Map.of(), null, null, null, linkVersion);
	}

	private ManageTokens tokens() {
		return new ManageTokens(new TokenProperties("0123456789abcdef0123456789abcdef"),
				new EmbeddedProperties(true, dataDir, false, "on", "on"));
	}

}
