package com.acme.booking.system;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import com.acme.booking.BookingApiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
			"--spring.temporal.connection.target=temporal.internal:7233", "--booking.admin.api-key=operators-key",
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
