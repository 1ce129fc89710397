package com.acme.booking.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs are self-contained: every relative link in README.md and docs/ points at a
 * file inside the repository.
 */
class DocsLinksTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@Test
	void everyRelativeLinkPointsAtAFileInsideTheRepository() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter(path -> path.toString().endsWith(".md")).forEach(pages::add);
		}
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			Matcher links = LINK.matcher(Files.readString(page));
			while (links.find()) {
				String link = links.group(1);
				if (link.startsWith("http") || link.startsWith("#") || link.startsWith("mailto:")) {
					continue;
				}
				Path target = page.getParent().resolve(link.replaceFirst("#.*$", "")).normalize();
				if (!target.startsWith(ROOT) || !Files.exists(target)) {
					broken.add(ROOT.relativize(page) + " -> " + link);
				}
			}
			assertThat(Files.readString(page)).as(page.toString()).doesNotContain("../shared");
		}

		assertThat(pages).hasSizeGreaterThan(5);
		assertThat(broken).isEmpty();
	}

}
