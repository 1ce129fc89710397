package com.acme.booking.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.temporal.yml, checked the way Compose would read it (there is no Docker
 * engine in CI): Temporal's current layout, the API and a separate worker built from this
 * repository, pinned versions, health checks, host ports that do not clash, and an API
 * configuration the prod profile accepts.
 */
class ComposeFileTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.temporal.yml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void keepsTemporalsCurrentLayoutWithPinnedVersions() throws IOException {
		Map<String, Map<String, Object>> services = services();

		assertThat(services).containsKeys("temporal-postgres", "temporal-admin-tools", "temporal", "temporal-ui",
				"booking-postgres", "booking-api", "booking-worker");
		services.forEach((name, service) -> {
			String image = (String) service.get("image");
			assertThat(image).as(name).isNotNull().matches(".+:[0-9][^:]*").doesNotContain("auto-setup");
		});
	}

	@Test
	void buildsTheApiAndASeparateWorkerFromThisRepository() throws IOException {
		Map<String, Map<String, Object>> services = services();
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

		for (String target : List.of("api", "worker")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> build = (Map<String, Object>) services.get("booking-" + target).get("build");
			assertThat(build).containsEntry("context", ".").containsEntry("target", target);
			assertThat(dockerfile).containsPattern("(?m)^FROM \\S+ AS " + target + "$");
		}
		assertThat(dockerfile).doesNotContain(":latest");
	}

	@Test
	void everyLongRunningServiceHasAHealthCheckAndHostPortsDoNotClash() throws IOException {
		List<String> hostPorts = new ArrayList<>();
		services().forEach((name, service) -> {
			if ("unless-stopped".equals(service.get("restart"))) {
				assertThat(service).as(name + " has a health check").containsKey("healthcheck");
			}
			@SuppressWarnings("unchecked")
			List<String> ports = (List<String>) service.getOrDefault("ports", List.of());
			ports.forEach(port -> hostPorts.add(port.split(":")[0]));
		});

		assertThat(hostPorts).doesNotHaveDuplicates().doesNotContain("8080");
		assertThat(services().get("booking-api").get("healthcheck").toString()).contains("/actuator/health/readiness");
	}

	@Test
	@SuppressWarnings("unchecked")
	void configuresTheApiSoTheProdProfileAcceptsIt() throws IOException {
		Map<String, Object> environment = new HashMap<>();
		((Map<String, Object>) services().get("booking-api").get("environment"))
			.forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value))));
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", environment));

		assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
		assertThat(ProdProfileGuard.problems(env)).isEmpty();
	}

	/**
	 * Compose's own interpolation: {@code ${NAME:?message}} comes from .env,
	 * {@code ${NAME:-default}} may default.
	 */
	private static String interpolate(String value) {
		Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+):([?-])([^}]*)}").matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group(2).equals("?") ? "value-of-" + matcher.group(1) + "-from-dotenv"
					: matcher.group(3);
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		return matcher.appendTail(result).toString();
	}

}
