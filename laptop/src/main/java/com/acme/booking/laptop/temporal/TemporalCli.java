package com.acme.booking.laptop.temporal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.acme.booking.laptop.ToolCache;
import io.temporal.testing.TemporalDevServerOptions;
import io.temporal.testing.internal.devserver.TemporalDevServerDownloader;

/**
 * Finds the {@code temporal} binary, in this order:
 * {@code booking.temporal.dev-server.path}; {@code temporal} on the PATH; the build's
 * tool cache ({@link ToolCache}); the SDK's download (cached under the system temp
 * folder, for machines with internet access).
 */
final class TemporalCli {

	private TemporalCli() {
	}

	/**
	 * The binary to run and where it came from, or a description of why there is none.
	 */
	record Found(Path binary, String source, String problem) {

		static Found problem(String problem) {
			return new Found(null, null, problem);
		}

	}

	static Found find(TemporalServerProperties.DevServer settings, Map<String, String> env) {
		if (settings.path() != null) {
			return Files.isExecutable(settings.path())
					? new Found(settings.path(), "booking.temporal.dev-server.path", null) : Found
						.problem("booking.temporal.dev-server.path " + settings.path() + " is not an executable file");
		}
		Optional<ToolCache.Cli> local;
		try {
			local = ToolCache.temporalCli(env);
		}
		catch (IllegalStateException ex) {
			return Found.problem(ex.getMessage());
		}
		if (local.isPresent()) {
			return new Found(local.get().binary(), local.get().source(), null);
		}
		String missing = "no temporal CLI on the PATH or in " + ToolCache.cachedTemporalCli(env);
		if (!settings.downloadEnabled()) {
			return Found.problem(missing + " and its download is disabled");
		}
		Path downloaded;
		try {
			// The SDK's own downloader and cache (an internal class of temporal-testing,
			// see
			// docs/architecture.md).
			downloaded = TemporalDevServerDownloader.prepare(TemporalDevServerOptions.newBuilder().build());
		}
		catch (RuntimeException ex) {
			return Found.problem(missing + " and the SDK could not download it ("
					+ ex.getMessage().lines().findFirst().orElse(ex.toString()) + ")");
		}
		return downloadedBySelf(downloaded);
	}

	/** The SDK's download, unless someone else could have put or replaced it. */
	static Found downloadedBySelf(Path downloaded) {
		try {
			ToolCache.requireOwnedBySelf(downloaded);
			return new Found(downloaded, "the SDK's download", null);
		}
		catch (IllegalStateException ex) {
			return Found.problem(ex.getMessage());
		}
	}

}
