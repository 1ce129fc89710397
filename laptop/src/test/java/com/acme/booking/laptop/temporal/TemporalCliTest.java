package com.acme.booking.laptop.temporal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.acme.booking.laptop.ToolCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which the service looks for the Temporal CLI, and what it says of each.
 */
class TemporalCliTest {

	@TempDir
	Path dir;

	@Test
	void runsTheBinaryTheBuildCachedWhenThePathHasNone() throws IOException {
		Map<String, String> env = env();
		Path cached = executable(ToolCache.cachedTemporalCli(env));
		TemporalCli.Found found = TemporalCli.find(settings("booking.temporal.dev-server.download-enabled=false"), env);
		assertThat(found.binary()).isEqualTo(cached);
		assertThat(found.source()).isEqualTo("the build's tool cache");
	}

	@Test
	void aConfiguredPathComesFirst() throws IOException {
		Map<String, String> env = env();
		executable(ToolCache.cachedTemporalCli(env));
		Path configured = executable(dir.resolve("own").resolve("temporal"));
		TemporalCli.Found found = TemporalCli.find(settings("booking.temporal.dev-server.path=" + configured), env);
		assertThat(found.binary()).isEqualTo(configured);
		assertThat(found.source()).isEqualTo("booking.temporal.dev-server.path");
	}

	@Test
	void namesTheCacheItLookedInWhenThereIsNoCli() {
		Map<String, String> env = env();
		TemporalCli.Found found = TemporalCli.find(settings("booking.temporal.dev-server.download-enabled=false"), env);
		assertThat(found.binary()).isNull();
		assertThat(found.problem()).isEqualTo("no temporal CLI on the PATH or in " + ToolCache.cachedTemporalCli(env)
				+ " and its download is disabled");
	}

	@Test
	void aCachedBinaryOthersCouldReplaceIsAProblemNotAStart() throws IOException {
		Map<String, String> env = env();
		Path cached = executable(ToolCache.cachedTemporalCli(env));
		Files.setPosixFilePermissions(cached, PosixFilePermissions.fromString("rwxrwxrwx"));
		TemporalCli.Found found = TemporalCli.find(settings("booking.temporal.dev-server.download-enabled=false"), env);
		assertThat(found.binary()).isNull();
		assertThat(found.problem()).contains(cached.toString()).contains("not run");
	}

	@Test
	void runsTheSdksDownloadOnlyWhenNoOneElseCouldHaveReplacedIt() throws IOException {
		Path downloaded = executable(dir.resolve("temporal-cli-download").resolve("temporal"));
		assertThat(TemporalCli.downloadedBySelf(downloaded).binary()).isEqualTo(downloaded);

		Files.setPosixFilePermissions(downloaded.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
		TemporalCli.Found shared = TemporalCli.downloadedBySelf(downloaded);
		assertThat(shared.binary()).isNull();
		assertThat(shared.problem()).contains(downloaded.getParent().toString()).contains("others can write to it");
	}

	private Map<String, String> env() {
		return Map.of("PATH", dir.resolve("no-cli").toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString());
	}

	private static TemporalServerProperties.DevServer settings(String property) {
		MockEnvironment env = new MockEnvironment();
		String[] pair = property.split("=", 2);
		env.setProperty(pair[0], pair[1]);
		return Binder.get(env).bindOrCreate("booking.temporal", TemporalServerProperties.class).devServer();
	}

	private static Path executable(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
