package com.acme.booking.pages;

import java.nio.file.Path;
import java.util.UUID;

import com.acme.booking.support.Http;
import com.acme.booking.token.ManageLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages with email verification on, in a real headless Chromium: booking says "check
 * your email", and the email's link lands on a page that confirms the booking and says
 * so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "booking.rules.verify-email=true")
@ActiveProfiles("test")
class VerificationPageBrowserTest {

	/** booking.admin.api-key of the test profile. */
	private static final String ADMIN = "test-admin-key";

	@TempDir
	static Path workDir;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	ManageLinks links;

	@BeforeEach
	void startBrowser() {
		if (browser == null) {
			browser = new Browser(port, workDir);
		}
		browser.width(1280);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void aBookingAsksToCheckTheEmailAndTheEmailsLinkConfirmsIt() {
		browser.open("/");
		BookingPage page = new BookingPage(browser, "picker").loaded();
		page.chooseDayFrom(5);
		page.firstFreeSlot().click();
		String email = BookingPageBrowserTest.email();
		page.fill("name", "Ada Lovelace");
		page.fill("email", email);
		browser.find("#book-button").click();

		WebElement confirmation = page.confirmation();
		assertThat(browser.find("#confirmation-heading").getText()).isEqualTo("Check your email");
		assertThat(browser.find("#check-email").isDisplayed()).isTrue();
		assertThat(browser.find("#check-email").getText()).contains("Check your email", email);
		assertThat(browser.find("#add-to-calendar").isDisplayed()).as("nothing to add before it is confirmed")
			.isFalse();
		assertThat(confirmation.getText()).contains("Ada Lovelace");
		String id = browser.find("#confirmation-details dd:last-of-type").getText();
		assertThat(status(id)).isEqualTo("PENDING_VERIFICATION");
		String manageUrl = browser.find("#manage-link").getAttribute("href");
		browser.open(manageUrl.substring(manageUrl.indexOf("/manage.html")));
		assertThat(browser.visible("#booking").getText()).contains("Waiting for your email confirmation",
				"Open the link we emailed you");

		browser.open(link(id));

		WebElement verified = browser.visible("#verified");
		assertThat(verified.getText()).contains("Your booking is confirmed", "Your time:");
		assertThat(browser.focused()).isEqualTo("verified-heading");
		assertThat(browser.find("#verify-problem").isDisplayed()).isFalse();
		assertThat(status(id)).isEqualTo("CONFIRMED");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void aWrongOrExpiredLinkSaysSo() {
		browser.open("/verify.html?id=" + UUID.randomUUID() + "#code=" + "A".repeat(43));

		WebElement problem = browser.visible("#verify-problem");
		assertThat(problem.getText()).contains("expired or is not valid");
		assertThat(browser.find("#verified").isDisplayed()).isFalse();

		browser.open("/verify.html?id=" + UUID.randomUUID());
		assertThat(browser.visible("#verify-problem").getText()).contains("incomplete");
	}

	/**
	 * The email's verification link, on the test server (its public URL is port 8080).
	 */
	private String link(String id) {
		String url = links.verifyUrl(UUID.fromString(id));
		return url.substring(url.indexOf("/verify.html"));
	}

	private String status(String id) {
		return new Http(port).get("/api/bookings/" + id, "X-Api-Key", ADMIN).json().path("status").asString();
	}

}
