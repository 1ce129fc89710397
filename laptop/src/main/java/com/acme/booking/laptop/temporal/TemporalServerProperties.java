package com.acme.booking.laptop.temporal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which Temporal server the embedded default runs. Ignored when
 * {@code spring.temporal.connection.target} names an external server.
 *
 * @param mode {@code auto}: the Temporal CLI's dev server when a CLI can be had, else the
 * in-process server; {@code dev-server}: the dev server or a failed start;
 * {@code in-process}: the SDK's in-process test server
 * @param devServer the dev server child process
 */
@ConfigurationProperties("booking.temporal")
@Validated
public record TemporalServerProperties(@DefaultValue("auto") @NotNull TemporalMode mode,
		@DefaultValue @Valid DevServer devServer) {

	/**
	 * The Temporal CLI's dev server ({@code temporal server start-dev}), run as a child
	 * of the service.
	 *
	 * @param path the {@code temporal} binary; empty: {@code temporal} on the PATH, else
	 * the one the build installed in its cache ({@code ~/.cache/booking-backend}), else
	 * the SDK's cached download
	 * @param port its gRPC port; {@code 0} picks a free one (tests)
	 * @param uiPort its Web UI port; {@code 0} picks a free one (tests)
	 * @param downloadEnabled whether the SDK may download the CLI when none is installed
	 * (machines with internet)
	 * @param startupTimeout how long the dev server may take to answer before the start
	 * counts as failed
	 * @param sqlitePragmas SQLite pragmas of its database ({@code --sqlite-pragma}); the
	 * default, a write-ahead log synced at checkpoints, survives a crash of the service
	 * or the dev server and costs a third of the CPU and time of SQLite's rollback
	 * journal (docs/performance.md); a power loss may drop the last commits, which the
	 * reconciler redoes from PostgreSQL. Empty: SQLite's own defaults
	 * @param niceness the dev server's scheduling priority ({@code nice -n}, 0 to 19,
	 * where {@code nice} exists): the syncs are background work, so when both cores are
	 * busy the booking requests of the service go first and the syncs catch up
	 * afterwards; 0 runs it at the service's own priority
	 */
	public record DevServer(Path path, @DefaultValue("7233") @Min(0) @Max(65535) int port,
			@DefaultValue("8233") @Min(0) @Max(65535) int uiPort, @DefaultValue("true") boolean downloadEnabled,
			@DefaultValue("60s") Duration startupTimeout, @DefaultValue( {
					"journal_mode=wal",
					"synchronous=normal" }) @NotNull List<@Pattern(regexp = PRAGMA,
							message = "must be PRAGMA=VALUE, e.g. synchronous=normal") String> sqlitePragmas,
			@DefaultValue("10") @Min(0) @Max(19) int niceness){

		/**
		 * A pragma as the CLI takes it: a name, {@code =}, a word (no spaces, quotes or
		 * statements).
		 */
		static final String PRAGMA = "[a-z_]+=[A-Za-z0-9_-]+";

	}

}
