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

import com.acme.booking.startup.ProdProfileGuard;
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
			ports.forEach(port -> hostPorts.add(port.split(":")[1]));
		});

		assertThat(hostPorts).doesNotHaveDuplicates().doesNotContain("8080");
		assertThat(services().get("booking-api").get("healthcheck").toString()).contains("/actuator/health/readiness");
		assertThat(services().get("booking-worker").get("healthcheck").toString())
			.contains("http://localhost:8081/actuator/health/readiness")
			.doesNotContain("pgrep");
	}

	@Test
	void publishesPortsOnLoopbackOnly() throws IOException {
		Map<String, List<String>> published = new HashMap<>();
		services().forEach((name, service) -> {
			@SuppressWarnings("unchecked")
			List<Object> ports = (List<Object>) service.getOrDefault("ports", List.of());
			published.put(name, ports.stream().map(String::valueOf).toList());
		});

		// Docker's published ports bypass the host firewall: Temporal's gRPC and Web UI
		// have no
		// authentication, and the database password is in this file.
		assertThat(published.get("temporal")).containsExactly("127.0.0.1:7233:7233");
		assertThat(published.get("temporal-ui")).containsExactly("127.0.0.1:8233:8080");
		assertThat(published.get("booking-postgres")).containsExactly("127.0.0.1:5432:5432");
		published.forEach((name, ports) -> assertThat(ports).as(name).allMatch(port -> port.startsWith("127.0.0.1:")));
	}

	@Test
	void pinsEveryImageToAPatchReleaseNeverLatest() throws IOException {
		services().forEach((name, service) -> assertThat((String) service.get("image")).as(name)
			.doesNotEndWith(":latest")
			.matches(".+:\\d+\\.\\d+\\.\\d+|postgres:\\d+\\.\\d+"));
		List<String> bases = Files.readAllLines(ROOT.resolve("Dockerfile"))
			.stream()
			.filter(line -> line.startsWith("FROM "))
			.map(line -> line.split("\\s+")[1])
			.filter(image -> image.contains(":"))
			.toList();

		assertThat(bases).hasSize(2)
			.allMatch(image -> image.matches("eclipse-temurin:17\\.0\\.\\d+(\\.\\d+)?_\\d+-(jdk|jre)-jammy"),
					"a pinned Temurin 17");
		// Not older than the releases current when last raised: Temurin's July 2026
		// update, PostgreSQL's November 2026 minor release.
		assertThat(bases)
			.allSatisfy(image -> assertThat(update(image, "eclipse-temurin:17.0.")).isGreaterThanOrEqualTo(20));
		assertThat(services().values()).map(service -> (String) service.get("image"))
			.filteredOn(image -> image.startsWith("postgres:"))
			.hasSize(2)
			.allSatisfy(image -> assertThat(update(image, "postgres:16.")).isGreaterThanOrEqualTo(16));
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

	/** The number after {@code prefix}: the update or minor release of a pinned image. */
	private static int update(String image, String prefix) {
		assertThat(image).startsWith(prefix);
		return Integer.parseInt(image.substring(prefix.length()).split("[^0-9]")[0]);
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
