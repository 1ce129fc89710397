package com.acme.booking.laptop.postgres;

import java.nio.file.Path;

/**
 * Another process holds the embedded data folder: most likely the service is already
 * running on it.
 */
public class DataDirLocked extends IllegalStateException {

	DataDirLocked(Path dataDir) {
		super("Booking service already running? data dir locked: " + dataDir
				+ " (booking.embedded.data-dir) is in use by another process");
	}

}
