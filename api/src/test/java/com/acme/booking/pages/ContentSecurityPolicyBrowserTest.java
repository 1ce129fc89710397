package com.acme.booking.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.acme.booking.support.Http;
import com.acme.booking.support.Slots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages and Swagger UI work under the service's Content-Security-Policy: the browser
 * blocks nothing of theirs (every violation it reports is collected from the first moment
 * of each page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContentSecurityPolicyBrowserTest {

	/** Runs before any script of the page, and is not itself subject to its policy. */
	private static final String COLLECT_VIOLATIONS = "window.violations = [];"
			+ "document.addEventListener('securitypolicyviolation',"
			+ " e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));";

	@TempDir
	static Path workDir;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void startBrowser() {
		if (browser == null) {
			browser = new Browser(port, workDir);
			browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", COLLECT_VIOLATIONS));
		}
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void theBookingPageRunsWithoutAViolation() {
		browser.open("/");
		new BookingPage(browser, "picker").loaded();

		assertThat(violations()).isEmpty();
	}

	@Test
	void theManagePageRunsWithoutAViolation() {
		Http http = new Http(port);
		// A slot no other test class gets, on any date (the tests' clock).
		String start = Slots.fresh().toString();
		JsonNode booking = http
			.post("/api/bookings",
					Map.of("name", "Ada Lovelace", "email", BookingPageBrowserTest.email(), "startTime", start))
			.json();
		String manageUrl = booking.path("manageUrl").asString();
		browser.open(manageUrl.substring(manageUrl.indexOf("/manage.html")));
		browser.visible("#booking");
		browser.find("#show-reschedule").click();
		new BookingPage(browser, "picker").loaded();

		assertThat(violations()).isEmpty();
	}

	@Test
	void swaggerUiRunsWithoutAViolation() {
		browser.open("/swagger-ui/index.html");

		assertThat(browser.visible(".swagger-ui .info .title").getText()).contains("Booking API");
		assertThat(violations()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations() {
		return (List<String>) browser.driver.executeScript("return window.violations;");
	}

}
