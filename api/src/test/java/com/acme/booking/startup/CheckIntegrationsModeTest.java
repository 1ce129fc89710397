package com.acme.booking.startup;

import java.nio.file.Path;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.laptop.temporal.EmbeddedDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code --check-integrations} run mode, started the way {@code main} starts it. */
@ExtendWith(OutputCaptureExtension.class)
class CheckIntegrationsModeTest {

	@TempDir
	Path data;

	private int run(String... extra) {
		SpringApplication app = new SpringApplication(BookingApiApplication.class);
		app.addListeners(new EmbeddedDefaults());
		String[] args = new String[extra.length + 3];
		args[0] = CheckIntegrations.OPTION;
		args[1] = "--booking.embedded.data-dir=" + data;
		args[2] = "--booking.embedded.synchronous-commit=off";
		System.arraycopy(extra, 0, args, 3, extra.length);
		assertThat(RunModes.checkIntegrations(app, args)).isTrue();
		try (ConfigurableApplicationContext context = app.run(args)) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			return SpringApplication.exit(context);
		}
	}

	@Test
	void saysNothingWasCheckedWithEveryIntegrationDisabled(CapturedOutput output) {
		assertThat(run()).isZero();
		assertThat(output.getOut()).contains("Nothing was checked: no integration is enabled")
			.doesNotContain("All integrations OK");
	}

	@Test
	void failsWhenAnEnabledIntegrationCannotBeReached() {
		assertThat(run("--booking.crm.enabled=true",
				"--booking.crm.hubspot.access-token=pat-na1-00000000-0000-4000-8000-000000000000",
				"--booking.crm.hubspot.base-url=http://127.0.0.1:9", "--booking.crm.hubspot.connect-timeout=1s"))
			.isEqualTo(1);
	}

}
