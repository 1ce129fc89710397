package com.acme.booking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's own code never names the laptop runtime (booking-laptop): it comes in by
 * auto-configuration alone, so a production build can leave its jar out.
 */
class LaptopRuntimeApartTest {

	@Test
	void noMainClassOfTheApiNamesALaptopPackage() throws IOException {
		List<Path> naming;
		try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
			naming = sources.filter(path -> path.toString().endsWith(".java"))
				.filter(LaptopRuntimeApartTest::namesTheLaptop)
				.toList();
		}
		assertThat(naming).isEmpty();
	}

	private static boolean namesTheLaptop(Path source) {
		try {
			return Files.readString(source).contains("com.acme.booking.laptop");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
