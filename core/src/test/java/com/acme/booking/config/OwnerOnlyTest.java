package com.acme.booking.config;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Data folders and secrets are the service user's alone from the moment they exist: the
 * mode is exact whatever the umask would give (it can only take permissions away).
 */
class OwnerOnlyTest {

	@TempDir
	Path temp;

	@Test
	void foldersAreMadeForTheOwnerOnlyWithTheirMissingParents() throws Exception {
		Path folder = OwnerOnly.folder(temp.resolve("a/b"));

		assertThat(mode(folder)).isEqualTo("rwx------");
		assertThat(mode(temp.resolve("a"))).isEqualTo("rwx------");
	}

	@Test
	void anExistingFolderOpenToOthersIsClosedToThem() throws Exception {
		Path open = Files.createDirectory(temp.resolve("open"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

		OwnerOnly.folder(open);

		assertThat(mode(open)).isEqualTo("rwx------");
	}

	@Test
	void filesAreMadeForTheOwnerOnly() throws Exception {
		Path file = temp.resolve("secret");

		OwnerOnly.newFile(file, "s3cret");

		assertThat(file).hasContent("s3cret");
		assertThat(mode(file)).isEqualTo("rw-------");
	}

	@Test
	void neverWritesThroughAFileOrLinkAlreadyThere() throws Exception {
		Path elsewhere = temp.resolve("elsewhere");
		Path planted = Files.createSymbolicLink(temp.resolve("secret"), elsewhere);

		assertThatExceptionOfType(FileAlreadyExistsException.class)
			.isThrownBy(() -> OwnerOnly.newFile(planted, "s3cret"));
		assertThat(elsewhere).doesNotExist();
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
