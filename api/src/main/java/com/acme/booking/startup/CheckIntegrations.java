package com.acme.booking.startup;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.acme.booking.probe.IntegrationCheck;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code --check-integrations} run mode: tests the configured Google and HubSpot
 * credentials against the real APIs, prints a readable report and exits 0 when every
 * enabled integration works, 1 otherwise.
 */
@Component
@ConditionalOnProperty(name = CheckIntegrations.MODE_PROPERTY, havingValue = "true")
class CheckIntegrations implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "--check-integrations";

	static final String MODE_PROPERTY = "booking.check-integrations";

	/** What the run mode turns off: no web server, no workers, no reconciler. */
	static final Map<String, Object> MODE_DEFAULTS = Map.of(MODE_PROPERTY, "true", "spring.main.web-application-type",
			"none", "spring.temporal.start-workers", "false", "booking.sync.reconciler-enabled", "false",
			// A credentials check talks to Google and HubSpot only: no dev server to
			// start and stop.
			"booking.temporal.mode", "in-process");

	private final List<IntegrationCheck> checks;

	private final boolean anyEnabled;

	private final PrintStream out;

	private int exitCode;

	@Autowired
	CheckIntegrations(List<IntegrationCheck> checks, Environment env) {
		this(checks, env.getProperty("booking.calendar.enabled", Boolean.class, false)
				|| env.getProperty("booking.crm.enabled", Boolean.class, false), System.out);
	}

	CheckIntegrations(List<IntegrationCheck> checks, boolean anyEnabled, PrintStream out) {
		this.checks = checks;
		this.anyEnabled = anyEnabled;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean allOk = true;
		out.println("Integration check");
		if (!anyEnabled) {
			// "All OK" here would read as if credentials had been verified.
			out.println("Nothing was checked: no integration is enabled (booking.calendar.enabled and "
					+ "booking.crm.enabled are both false)");
			exitCode = 0;
			return;
		}
		for (IntegrationCheck check : checks) {
			IntegrationCheck.CheckReport report = check.verify();
			allOk &= report.ok();
			out.println((report.ok() ? "[ OK ] " : "[FAIL] ") + check.name());
			report.lines().forEach(line -> out.println("       " + line));
		}
		out.println(allOk ? "All integrations OK" : "Some integrations failed: see above");
		exitCode = allOk ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	static boolean requested(String[] args) {
		return Arrays.asList(args).contains(OPTION);
	}

}
