package com.acme.booking.temporal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.temporal.testing.TemporalDevServerOptions;
import io.temporal.testing.internal.devserver.TemporalDevServerDownloader;

/**
 * Finds the {@code temporal} binary, in this order:
 * {@code booking.temporal.dev-server.path}; {@code temporal} on the PATH; the SDK's
 * download (cached under the system temp folder, for machines with internet access).
 */
final class TemporalCli {

	private TemporalCli() {
	}

	/** The binary to run, or a description of why there is none. */
	record Found(Path binary, String problem) {

		static Found problem(String problem) {
			return new Found(null, problem);
		}

	}

	static Found find(TemporalServerProperties.DevServer settings, String pathVariable) {
		if (settings.path() != null) {
			return Files.isExecutable(settings.path()) ? new Found(settings.path(), null) : Found
				.problem("booking.temporal.dev-server.path " + settings.path() + " is not an executable file");
		}
		Optional<Path> onPath = onPath(pathVariable);
		if (onPath.isPresent()) {
			return new Found(onPath.get(), null);
		}
		if (!settings.downloadEnabled()) {
			return Found.problem("no temporal CLI on the PATH and its download is disabled");
		}
		try {
			// The SDK's own downloader and cache (an internal class of temporal-testing,
			// see docs/architecture.md).
			return new Found(TemporalDevServerDownloader.prepare(TemporalDevServerOptions.newBuilder().build()), null);
		}
		catch (RuntimeException ex) {
			return Found.problem("no temporal CLI on the PATH and the SDK could not download it ("
					+ ex.getMessage().lines().findFirst().orElse(ex.toString()) + ")");
		}
	}

	static Optional<Path> onPath(String pathVariable) {
		if (pathVariable == null) {
			return Optional.empty();
		}
		for (String dir : pathVariable.split(File.pathSeparator)) {
			if (dir.isBlank()) {
				continue;
			}
			Path candidate = Path.of(dir, "temporal");
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
