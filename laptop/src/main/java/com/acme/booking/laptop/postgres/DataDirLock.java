package com.acme.booking.laptop.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.acme.booking.config.OwnerOnly;

/**
 * An exclusive operating-system lock on {@code <data-dir>/.lock} (the folder made
 * {@link OwnerOnly}), held while the embedded PostgreSQL runs, so a second instance on
 * the same folder stops at once with one clear line instead of PostgreSQL's own failure
 * deep inside start-up. The operating system releases it when the process dies, so a
 * crash leaves nothing to clean.
 */
final class DataDirLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirLock acquire(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		FileChannel channel = null;
		try {
			OwnerOnly.folder(dir);
			channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw new DataDirLocked(dir);
			}
			return new DataDirLock(channel, lock);
		}
		catch (OverlappingFileLockException ex) {
			closeQuietly(channel);
			throw new DataDirLocked(dir);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot create or lock " + dir.resolve(".lock"), ex);
		}
		catch (DataDirLocked ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		lock.release();
		channel.close();
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// Nothing was locked; nothing to undo.
			}
		}
	}

}
