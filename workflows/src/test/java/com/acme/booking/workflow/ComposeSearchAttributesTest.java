package com.acme.booking.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.temporal.common.SearchAttributeKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose setup job creates every search attribute the workflow writes, so the Web UI
 * can filter on them before an API or worker has started and registered them itself.
 */
class ComposeSearchAttributesTest {

	@Test
	void theComposeSetupJobCreatesEverySearchAttributeTheWorkflowWrites() throws IOException {
		String script = Files.readString(Path.of("..", "docker", "temporal", "setup-namespace.sh"));
		Matcher loop = Pattern.compile("(?m)^for name in ([A-Za-z ]+); do").matcher(script);
		assertThat(loop.find()).as("the search-attribute loop of setup-namespace.sh").isTrue();

		assertThat(List.of(loop.group(1).strip().split(" +"))).containsExactlyInAnyOrderElementsOf(
				BookingTemporal.SEARCH_ATTRIBUTES.stream().map(SearchAttributeKey::getName).toList());
	}

}
