package com.acme.booking.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.acme.booking.support.TestClock;
import com.acme.booking.tools.RequiredTools;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Chromium per test class, Debian's {@code chromium} driven by its
 * {@code chromedriver}: both paths are given, so Selenium Manager never looks for (or
 * downloads) a browser. The browser's time zone is New York, the business's London, so
 * every page shows two zones; its clock is the tests' ({@link TestClock}).
 */
final class Browser implements AutoCloseable {

	static final String VISITOR_ZONE = "America/New_York";

	/**
	 * Unpacked from the npm registry by the build (api/pom.xml, download-maven-plugin).
	 */
	private static final Path AXE = Path.of("target/axe-core/package/axe.min.js");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The pages' {@code Date} on the tests' clock ({@link TestClock}), as the service's:
	 * "now" (and so "today") moved by the pin, every other use as it was.
	 */
	private static final String SHIFTED_DATE = """
			(() => {
				const offset = %d;
				const RealDate = Date;
				class ShiftedDate extends RealDate {
					constructor(...args) {
						if (args.length === 0) super(RealDate.now() + offset);
						else super(...args);
					}
					static now() {
						return RealDate.now() + offset;
					}
				}
				globalThis.Date = ShiftedDate;
			})();
			""";

	final ChromeDriver driver;

	final Path downloads;

	private final String base;

	Browser(int port, Path workDir) {
		this.base = "http://localhost:" + port;
		this.downloads = workDir.resolve("downloads");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(RequiredTools.chromedriver().toFile())
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", VISITOR_ZONE))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(RequiredTools.chromium().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB",
				"--user-data-dir=" + workDir.resolve("profile"));
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "en-GB"));
		this.driver = new ChromeDriver(service, options);
		driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		if (TestClock.pinned()) {
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", SHIFTED_DATE.formatted(TestClock.offset().toMillis())));
		}
	}

	/**
	 * Loads the page afresh (from a blank page: a URL differing only in its fragment
	 * would not load it again).
	 */
	void open(String path) {
		driver.get("about:blank");
		driver.get(base + path);
	}

	String url(String path) {
		return base + path;
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
	}

	WebElement visible(String css) {
		return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** The focused element's id (or its tag when it has none). */
	String focused() {
		WebElement active = driver.switchTo().activeElement();
		String id = active.getAttribute("id");
		return id == null || id.isEmpty() ? active.getTagName() : id;
	}

	/**
	 * The text of a file the page saved, once the download has finished; the file is then
	 * removed.
	 */
	String downloaded(String name) {
		Path file = downloads.resolve(name);
		await(driver -> Files.isRegularFile(file));
		try {
			String text = Files.readString(file);
			Files.delete(file);
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Desktop (1280 px) or phone (375 px, as a phone reports itself) layout. */
	void width(int px) {
		if (px >= 1000) {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		else {
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", px, "height", 812, "deviceScaleFactor", 2, "mobile", true));
		}
	}

	/**
	 * The whole page as PNG under target/screenshots (kept for the docs; the best are
	 * copied to docs/images).
	 */
	Path screenshot(String name) {
		return screenshot(name, true);
	}

	/** The page from its top, whole or only what the window shows. */
	Path screenshot(String name, boolean wholePage) {
		return screenshot(name, wholePage, "body");
	}

	/**
	 * The window scrolled to the top of the element {@code css}, whole page or only what
	 * the window shows.
	 */
	Path screenshot(String name, boolean wholePage, String css) {
		driver.executeScript("window.scrollTo(0, 0); arguments[0].scrollIntoView(true)", find(css));
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", wholePage));
		Path file = Path.of("target/screenshots", name + ".png");
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Runs axe-core on the page as it is now; returns the serious and critical
	 * violations, described.
	 */
	List<String> seriousAccessibilityViolations() {
		if (!Files.isRegularFile(AXE)) {
			throw new IllegalStateException(
					AXE.toAbsolutePath() + " is missing: run the build (generate-test-resources)");
		}
		try {
			driver.executeScript(Files.readString(AXE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Object result = driver.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { resultTypes: ['violations'] })
							.then((r) => done(JSON.stringify(r.violations)))
							.catch((e) => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
						""");
		List<String> found = new ArrayList<>();
		for (JsonNode violation : JSON.readTree((String) result)) {
			String impact = violation.path("impact").asString();
			if (impact.equals("serious") || impact.equals("critical")) {
				List<String> targets = new ArrayList<>();
				violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
				found.add(violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
						+ " at " + targets);
			}
		}
		return found;
	}

	@Override
	public void close() {
		driver.quit();
	}

}
