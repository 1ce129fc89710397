package com.acme.booking.startup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.acme.booking.probe.IntegrationCheck;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

class CheckIntegrationsTest {

	static IntegrationCheck check(String name, boolean ok, String line) {
		return new IntegrationCheck() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public CheckReport verify() {
				return new CheckReport(ok, List.of(line));
			}
		};
	}

	@Test
	void exitsZeroAndReportsEachIntegrationWhenAllPass() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CheckIntegrations mode = new CheckIntegrations(
				List.of(check("calendar", true, "token OK"), check("crm", true, "disabled")), true,
				new PrintStream(out, true, StandardCharsets.UTF_8));

		mode.run(new DefaultApplicationArguments("--check-integrations"));

		assertThat(mode.getExitCode()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("[ OK ] calendar", "token OK", "[ OK ] crm",
				"All integrations OK");
	}

	@Test
	void exitsOneWhenAnyIntegrationFails() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CheckIntegrations mode = new CheckIntegrations(
				List.of(check("calendar", true, "ok"), check("crm", false, "401: the token was revoked")), true,
				new PrintStream(out, true, StandardCharsets.UTF_8));

		mode.run(new DefaultApplicationArguments("--check-integrations"));

		assertThat(mode.getExitCode()).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("[FAIL] crm", "401: the token was revoked");
	}

	@Test
	void recognisesTheOptionOnlyWhenGiven() {
		assertThat(CheckIntegrations.requested(new String[] { "--check-integrations" })).isTrue();
		assertThat(CheckIntegrations.requested(new String[] { "--server.port=9090" })).isFalse();
	}

}
