package com.acme.booking.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.laptop.temporal.EmbeddedDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile refuses what is meant for a laptop before anything starts,
 * listing every problem; the default profile keeps its embedded defaults.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProdProfileTest {

	private static final String[] PRODUCTION = { "--spring.datasource.url=jdbc:postgresql://db.internal:5432/booking",
			"--spring.temporal.connection.target=temporal.internal:7233",
			"--booking.admin.api-key=Q7vN2kLp9XwR4tYz8MbC3dFh6JsG1aEu",
			"--booking.security.token-secret-file=/run/secrets/booking-token-secret" };

	@TempDir
	Path dataDir;

	@Test
	void refusesEverythingMeantForALaptopAndSaysWhatToSet(CapturedOutput output) {
		assertThatThrownBy(() -> start("--booking.embedded.data-dir=" + dataDir))
			.isInstanceOf(ProdConfigurationRefused.class);

		assertThat(output.getAll())
			.contains("APPLICATION FAILED TO START", "spring.datasource.url", "spring.temporal.connection.target",
					"booking.admin.api-key", "booking.security.token-secret")
			.doesNotContain("\tat com.acme");
		assertThat(dataDir).as("nothing was started, not even the embedded PostgreSQL").isEmptyDirectory();
	}

	@Test
	void refusesAnEnabledIntegrationWhoseCredentialsAreMalformed(CapturedOutput output) {
		String[] args = Stream
			.concat(Arrays.stream(PRODUCTION),
					Stream.of("--booking.crm.enabled=true", "--booking.crm.hubspot.access-token=hunter2"))
			.toArray(String[]::new);

		assertThatThrownBy(() -> start(args)).isInstanceOf(ProdConfigurationRefused.class);

		assertThat(output.getAll()).contains("booking.crm.hubspot.access-token does not look like")
			.doesNotContain("spring.datasource.url is not set")
			.doesNotContain("hunter2");
	}

	@Test
	void refusesTheInProcessTemporalServerEvenWithATarget() {
		MockEnvironment env = production().withProperty("spring.temporal.test-server.enabled", "true");

		assertThat(ProdProfileGuard.problems(env)).singleElement()
			.asString()
			.contains("spring.temporal.test-server.enabled");
	}

	@Test
	void refusesTheSecretsOfEnvExampleAsTheyAre() throws IOException {
		Map<String, Object> variables = new HashMap<>();
		for (String line : Files.readAllLines(Path.of("..", ".env.example"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] pair = line.split("=", 2);
				variables.put(pair[0], pair[1]);
			}
		}
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("dotenv", variables));

		assertThat(variables).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
		assertThat(ProdProfileGuard.problems(env))
			.anySatisfy(problem -> assertThat(problem).startsWith("booking.admin.api-key ").contains("placeholder"))
			.anySatisfy(problem -> assertThat(problem).startsWith("booking.security.token-secret ")
				.contains("placeholder"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "short,Q7vN2kLp9XwR4tYz8MbC3dFh6Js,shorter than 32",
			"few distinct characters,abababababababababababababab1234567,fewer than 10 distinct",
			"one class,qwertyuiopasdfghjklzxcvbnmqwertyuiop,single class",
			"placeholder,CHANGE-ME-to-a-long-random-value-please,placeholder" })
	void refusesGuessableAdminKeysAndTokenSecretsNamingTheProperty(String what, String value, String why) {
		MockEnvironment env = production().withProperty("booking.admin.api-key", value)
			.withProperty("booking.security.token-secret", value);

		assertThat(ProdProfileGuard.problems(env)).hasSize(2)
			.anySatisfy(problem -> assertThat(problem).startsWith("booking.admin.api-key ").contains(why))
			.anySatisfy(problem -> assertThat(problem).startsWith("booking.security.token-secret ").contains(why))
			.allSatisfy(problem -> assertThat(problem).doesNotContain(value));
	}

	@Test
	void refusesAGuessableSecretInTheTokenSecretFile() throws IOException {
		Path file = Files.writeString(dataDir.resolve("token-secret"), "00000000000000000000000000000000000\n");
		MockEnvironment env = production().withProperty("booking.security.token-secret-file", file.toString());

		assertThat(ProdProfileGuard.problems(env)).singleElement()
			.asString()
			.startsWith("booking.security.token-secret-file")
			.contains("fewer than 10 distinct");
	}

	@Test
	void acceptsRandomSecretsInTheUsualEncodings() {
		for (String value : List.of("3f9a1c0b7e6d4a2f8b5c9e1d0a7f3b6c", "Zq3+9vLk/2Wm8XpR5tYs0BnC4dFgHjKl6MwE7uIo",
				"1b4e28ba-2fa1-11d2-883f-0016d3cca427")) {
			assertThat(ProdProfileGuard.problems(production().withProperty("booking.admin.api-key", value)
				.withProperty("booking.security.token-secret", value))).as(value).isEmpty();
		}
	}

	@Test
	void acceptsACompleteProductionConfigurationWithIntegrationsDisabled() {
		assertThat(ProdProfileGuard.problems(production())).isEmpty();
	}

	private static MockEnvironment production() {
		MockEnvironment env = new MockEnvironment();
		for (String arg : PRODUCTION) {
			String[] pair = arg.substring(2).split("=", 2);
			env.setProperty(pair[0], pair[1]);
		}
		return env;
	}

	private static void start(String... args) {
		new SpringApplicationBuilder(BookingApiApplication.class).profiles(ProdProfileGuard.PROFILE)
			.listeners(new EmbeddedDefaults())
			.run(args)
			.close();
	}

}
