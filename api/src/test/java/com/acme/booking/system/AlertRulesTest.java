package com.acme.booking.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/alerts.yml} is valid YAML in Prometheus' rule-file shape, every rule is
 * complete, and every runbook link lands on a heading of {@code docs/operations.md}.
 */
class AlertRulesTest {

	private static final Path DOCS = Path.of("..", "docs");

	@Test
	@SuppressWarnings("unchecked")
	void everyRuleHasExprForSeverityAndARunbookThatExists() throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(DOCS.resolve("alerts.yml")));
		List<Map<String, Object>> rules = ((List<Map<String, Object>>) file.get("groups")).stream()
			.flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.toList();
		List<String> anchors = anchors(Files.readString(DOCS.resolve("operations.md")));

		assertThat(rules).extracting(rule -> rule.get("alert"))
			.contains("BookingManualSyncBacklog", "BookingCircuitOpen", "BookingWorkflowTaskFailures",
					"BookingNoWorkerPolling", "BookingErrorRate", "BookingCalendarConflict")
			.doesNotHaveDuplicates();
		assertThat(rules).allSatisfy(rule -> {
			assertThat((String) rule.get("expr")).as("expr of %s", rule.get("alert")).isNotBlank();
			assertThat(String.valueOf(rule.get("for"))).as("for of %s", rule.get("alert")).matches("\\d+[smhd]");
			assertThat((Map<String, Object>) rule.get("labels")).as("labels of %s", rule.get("alert"))
				.extractingByKey("severity")
				.isIn("warning", "critical");
			String runbook = (String) ((Map<String, Object>) rule.get("annotations")).get("runbook_url");
			assertThat(runbook).as("runbook of %s", rule.get("alert")).startsWith("docs/operations.md#");
			assertThat(anchors).as("headings of operations.md").contains(runbook.substring(runbook.indexOf('#') + 1));
		});
	}

	@Test
	void theManualSyncAndCircuitRulesWaitAsLongAsTheRunbooksSay() throws IOException {
		String rules = Files.readString(DOCS.resolve("alerts.yml"));

		assertThat(rules).containsPattern("booking_sync_manual_backlog\\) > 0\\s+for: 15m")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*open[^}]*}\\) == 1\\s+for: 5m");
	}

	/** GitHub's anchors: headings lower-cased, spaces to dashes, punctuation dropped. */
	static List<String> anchors(String markdown) {
		Matcher headings = Pattern.compile("(?m)^#+ (.+)$").matcher(markdown);
		List<String> anchors = new ArrayList<>();
		while (headings.find()) {
			anchors.add(headings.group(1).strip().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
		}
		return anchors;
	}

}
