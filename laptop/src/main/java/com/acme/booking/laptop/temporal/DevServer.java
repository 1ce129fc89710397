package com.acme.booking.laptop.temporal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.booking.config.StartedTemporalServer;
import com.acme.booking.laptop.Orphans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Temporal CLI dev server, child of this service. {@link #close()} stops it
 * (SIGTERM, then SIGKILL after ten seconds) and removes its pid file (which lets the next
 * start recognise this child if the service dies without stopping it); it is safe to call
 * more than once and from a shutdown hook.
 */
public final class DevServer implements StartedTemporalServer, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DevServer.class);

	private final Process process;

	private final String target;

	private final String uiUrl;

	private final Path database;

	private final Path pidFile;

	private final String cli;

	private final AtomicBoolean stopped = new AtomicBoolean();

	DevServer(Process process, String target, String uiUrl, Path database, Path pidFile, String cli) {
		this.process = process;
		this.target = target;
		this.uiUrl = uiUrl;
		this.database = database;
		this.pidFile = pidFile;
		this.cli = cli;
	}

	public long pid() {
		return process.pid();
	}

	/** Its gRPC address, {@code host:port}. */
	public String target() {
		return target;
	}

	/** Its Web UI. */
	@Override
	public String uiUrl() {
		return uiUrl;
	}

	/** Its SQLite file. */
	public Path database() {
		return database;
	}

	/**
	 * The {@code temporal} binary it runs and where that was found, for the start-up
	 * summary.
	 */
	public String cli() {
		return cli;
	}

	@Override
	public String description() {
		return "dev server (pid " + pid() + ", " + cli() + ") at " + target() + ", data in " + database();
	}

	@Override
	public void close() {
		if (!stopped.compareAndSet(false, true)) {
			return;
		}
		Orphans.stop(process.toHandle());
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ex) {
			log.warn("Could not remove {}: {}", pidFile, ex.toString());
		}
		log.info("Temporal dev server (pid {}) stopped", process.pid());
	}

}
