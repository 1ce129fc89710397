package com.acme.booking.system;

import java.nio.file.Path;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.laptop.postgres.DataDirLocked;
import com.acme.booking.startup.RunModes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second instance, or {@code --check-integrations}, on the data folder of a running
 * service stops at once with one clear line instead of PostgreSQL's failure and a long
 * stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecondInstanceTest {

	@TempDir
	Path dataDir;

	@Test
	void aSecondInstanceOrTheCheckModeOnTheSameDataDirSaysItIsLocked(CapturedOutput output) {
		try (RunningApp running = RunningApp.start(dataDir)) {
			assertThat(output.getAll()).as("the start-up summary, durations as configured and the URLs that matter")
				.contains("Slots:            step 30m, default 30m, buffer 15m, notice 2h, advance 90d")
				.contains("Swagger UI:       http://localhost:" + running.port() + "/swagger-ui.html")
				.contains("Health:           http://localhost:" + running.port() + "/api/health")
				.doesNotContain("PT30M")
				.as("initdb's chatter stays out of the log")
				.doesNotContain("The files belonging to this database system");
			assertThatThrownBy(() -> RunningApp.start(dataDir).close()).hasRootCauseInstanceOf(DataDirLocked.class);
			assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
					"Booking service already running? data dir locked: " + dataDir.toAbsolutePath().normalize());

			String[] check = { "--check-integrations", "--booking.embedded.data-dir=" + dataDir };
			SpringApplication app = new SpringApplication(BookingApiApplication.class);
			RunModes.checkIntegrations(app, check);
			assertThatThrownBy(() -> app.run(check).close()).hasRootCauseInstanceOf(DataDirLocked.class);

			assertThat(output.getAll()).doesNotContain("postmaster.pid").doesNotContain("\tat io.zonky");
			assertThat(running.syncRows()).allMatch(RunningApp.SyncRow::caughtUp);
		}
	}

}
