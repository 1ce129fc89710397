package com.acme.booking.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.acme.booking.laptop.temporal.DevServer;
import com.acme.booking.tools.RequiredTools;
import com.acme.booking.workflow.BookingTemporal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's path through the dev server's real Temporal Web UI, in Debian's Chromium
 * driven by its chromedriver (never a browser download): find the booking that needs a
 * manual calendar sync, read why, send {@code retrySync} from the UI's signal dialog, and
 * see the booking synced through the API. Screenshots go to {@code target/web-ui/}.
 */
@ExtendWith(DevServerSystem.Resolver.class)
class TemporalWebUiTest {

	private static final Duration UI_WAIT = Duration.ofSeconds(60);

	private static final Path SCREENSHOTS = Path.of("target", "web-ui");

	@TempDir
	Path browserProfile;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openChromium() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(RequiredTools.chromium().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1400,1000", "--user-data-dir=" + browserProfile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(RequiredTools.chromedriver().toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, UI_WAIT);
	}

	@AfterEach
	void closeChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void operatorFindsAFlaggedBookingReadsWhyAndRetriesItFromTheWebUi(DevServerSystem system) throws IOException {
		RunningApp app = system.app;
		system.standIns.calendarRefuses();
		String id = (String) app.book(4).get("id");
		await().atMost(UI_WAIT).until(() -> Boolean.TRUE.equals(app.adminView(id).get("requiresManualCalendarSync")));
		system.standIns.happy();
		String ui = app.bean(DevServer.class).uiUrl();
		String workflowId = BookingTemporal.workflowId(id);

		browser.get(ui + "/namespaces/default/workflows?query="
				+ URLEncoder.encode("CalendarSync=\"MANUAL\"", StandardCharsets.UTF_8));
		WebElement row = wait.until(driver -> displayed(By.cssSelector("a[href*='/workflows/" + workflowId + "/']")));
		screenshot("1-workflows-needing-manual-calendar-sync.png");
		row.click();

		wait.until(driver -> displayed(tab("Queries"))).click();
		wait.until(driver -> displayed(By.xpath("//button[normalize-space(.)='Run Query']"))).click();
		wait.until(driver -> text().contains("calendarError"));
		assertThat(text()).contains("\"calendar\": \"MANUAL\"").contains("CalendarAccessDenied");
		screenshot("2-why-sync-status-query.png");

		wait.until(driver -> displayed(By.xpath("//button[contains(., 'More Actions')]"))).click();
		wait.until(driver -> displayed(By.cssSelector("[data-testid=signal-button]"))).click();
		wait.until(driver -> displayed(By.cssSelector("dialog[open] [data-testid=signal-select-button]"))).click();
		wait.until(driver -> displayedWithText(By.cssSelector("[role=option]"), BookingTemporal.SIGNAL_RETRY_SYNC))
			.click();
		screenshot("3-send-retrySync-signal.png");
		browser.findElement(By.cssSelector("dialog[open] [data-testid=confirm-modal-button]")).click();

		await().atMost(UI_WAIT)
			.untilAsserted(() -> assertThat(app.adminView(id)).containsEntry("calendarSynced", true)
				.containsEntry("requiresManualCalendarSync", false));
		wait.until(driver -> displayed(tab("Event History"))).click();
		wait.until(driver -> text().contains("Workflow Execution Signaled"));
		assertThat(text()).contains("Booking " + id);
		wait.until(driver -> displayed(tab("Timeline"))).click();
		wait.until(driver -> text().contains("Create calendar event"));
		screenshot("4-synced-after-the-retry.png");
	}

	private static By tab(String name) {
		return By.xpath("//*[(self::a or self::button) and starts-with(normalize-space(.), '" + name + "')]");
	}

	private WebElement displayed(By by) {
		return browser.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
	}

	private WebElement displayedWithText(By by, String text) {
		List<WebElement> all = browser.findElements(by);
		return all.stream().filter(e -> e.isDisplayed() && e.getText().strip().equals(text)).findFirst().orElse(null);
	}

	private String text() {
		return browser.findElement(By.tagName("main")).getText();
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

}
