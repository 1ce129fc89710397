package com.acme.booking.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders and files that only the service's own user may read: the embedded data, the
 * generated secrets. They get their mode when they are created ({@code 0700} and
 * {@code 0600}, whatever the umask allows), never a wider one that is narrowed later,
 * which would leave a moment in which another local user could open them. On a file
 * system without POSIX permissions (Windows) the user's own profile folder has to guard
 * them.
 */
public final class OwnerOnly {

	private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

	public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private OwnerOnly() {
	}

	/**
	 * The folder, created with its missing parents as {@code 0700}. An existing folder
	 * that others may enter is closed to them.
	 */
	public static Path folder(Path dir) throws IOException {
		Path folder = dir.toAbsolutePath().normalize();
		if (!posix()) {
			return Files.createDirectories(folder);
		}
		if (Files.isDirectory(folder) && !othersLockedOut(folder)) {
			log.info("Closing {} to other users (it holds the service's data and secrets)", folder);
			Files.setPosixFilePermissions(folder, FOLDER);
			return folder;
		}
		return Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
	}

	/**
	 * Creates {@code file} as {@code 0600} and writes {@code content}; fails when
	 * anything (a file, a link) is already there.
	 */
	public static void newFile(Path file, String content) throws IOException {
		Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		FileAttribute<?>[] attributes = posix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) }
				: new FileAttribute<?>[0];
		try (FileChannel channel = FileChannel.open(file, options, attributes)) {
			ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
		}
	}

	/**
	 * An existing secret file, closed to other users when an earlier build left it
	 * readable by them.
	 */
	public static void existingFile(Path file) throws IOException {
		if (posix() && !othersLockedOut(file)) {
			log.info("Closing {} to other users (it holds a secret of the service)", file.toAbsolutePath().normalize());
			Files.setPosixFilePermissions(file, FILE);
		}
	}

	/** Whether only the owner has any permission on {@code path}. */
	public static boolean othersLockedOut(Path path) throws IOException {
		return OWNER.containsAll(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
	}

	public static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
