package com.acme.booking.token;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import com.acme.booking.embedded.EmbeddedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Manage links: the public URL, the manage page, the id in the query and the token in the
 * fragment.
 */
class ManageLinksTest {

	private static final UUID BOOKING = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");

	@TempDir
	Path dataDir;

	@Test
	void putsTheTokenInTheFragmentAfterTheIdInTheQuery() {
		ManageTokens tokens = tokens();
		ManageLinks links = new ManageLinks(new PublicUrlProperties(URI.create("https://book.example.com/")), tokens);

		assertThat(links.manageUrl(BOOKING))
			.isEqualTo("https://book.example.com/manage.html?id=" + BOOKING + "#token=" + tokens.tokenFor(BOOKING));
	}

	@Test
	void keepsAPathPrefix() {
		ManageLinks links = new ManageLinks(new PublicUrlProperties(URI.create("https://example.com/booking")),
				tokens());

		assertThat(links.manageUrl(BOOKING)).startsWith("https://example.com/booking/manage.html?id=");
		assertThat(links.publicUrl()).isEqualTo("https://example.com/booking");
	}

	@Test
	void refusesARelativeOrNonHttpPublicUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrlProperties(URI.create("/booking")))
			.withMessageContaining("booking.public-url");
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrlProperties(URI.create("ftp://x.example")))
			.withMessageContaining("booking.public-url");
	}

	private ManageTokens tokens() {
		return new ManageTokens(new TokenProperties("0123456789abcdef0123456789abcdef"),
				new EmbeddedProperties(true, dataDir, false, "on", "on"));
	}

}
