package com.acme.booking.pages;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.token.ManageLinks;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking page in a real headless Chromium against the running app (the API tests'
 * context).
 */
@RunningService
class BookingPageBrowserTest {

	@TempDir
	static Path workDir;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	ManageLinks links;

	@Autowired
	BookingRepository bookings;

	BookingPage page;

	@BeforeEach
	void openThePage() {
		if (browser == null) {
			browser = new Browser(port, workDir);
		}
		browser.width(1280);
		browser.open("/");
		page = new BookingPage(browser, "picker").loaded();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void booksAFreeTimeEndToEndAndTheTimeLeavesTheList() {
		page.chooseDayFrom(2);
		WebElement slot = page.firstFreeSlot();
		String start = slot.getAttribute("data-start");
		slot.click();
		assertThat(browser.focused()).isEqualTo("details-heading");
		page.fill("name", "Ada Lovelace");
		page.fill("email", email());
		page.fill("company", "Analytical Engines");
		page.fill("phone", "+44 20 7946 0000");
		page.fill("inquiry", "A demo, please.");
		browser.find("#book-button").click();

		WebElement confirmation = page.confirmation();
		assertThat(browser.focused()).isEqualTo("confirmation-heading");
		String when = browser.find("#confirmation-time").getText();
		assertThat(when).contains("Your time:").contains("Our time (Europe/London)");
		String reference = browser.find("#confirmation-details dd:last-of-type").getText();
		// The create response's manageUrl, built from booking.public-url.
		assertThat(browser.find("#manage-link").getAttribute("href"))
			.isEqualTo(links.manageUrl(bookings.findById(UUID.fromString(reference)).orElseThrow()));
		assertThat(confirmation.getText()).contains("Ada Lovelace", "Analytical Engines");
		browser.find("#add-to-calendar").click();
		String ics = browser.downloaded("booking.ics");
		assertThat(ics).contains("UID:" + BookingIcs.uid(UUID.fromString(reference)) + "\r\n", "METHOD:PUBLISH");
		assertThat(browser.find("#calendar-status").getText()).contains("downloaded");

		browser.find("#book-another").click();
		page.loaded();
		assertThat(browser.all("#picker button.slot[data-start='" + start + "']")).isEmpty();
		assertThat(new Http(port)
			.get("/api/bookings/available-slots?startDate=" + start.substring(0, 10) + "&endDate="
					+ start.substring(0, 10))
			.body()).doesNotContain(start);
	}

	@Test
	void aTimeTakenMeanwhileIsExplainedAtTheTimesWhichAreRefreshed() {
		page.chooseDayFrom(3);
		WebElement slot = page.firstFreeSlot();
		String start = slot.getAttribute("data-start");
		slot.click();
		page.fill("name", "Grace Hopper");
		page.fill("email", email());
		// Someone else books the same time first.
		assertThat(new Http(port).post("/api/bookings", Map.of("name", "Quick", "email", email(), "startTime", start))
			.status()).isEqualTo(201);

		browser.find("#book-button").click();

		WebElement problem = page.problem();
		assertThat(problem.getText()).contains("that time was just taken");
		assertThat(browser.focused()).isEqualTo("book-problem");
		assertThat(page.slotStarts()).isNotEmpty().doesNotContain(start);
		assertThat(browser.find("#book-button").isEnabled()).isFalse();
		assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Grace Hopper");
	}

	@Test
	void checksTheDetailsBeforeSendingAndShowsTheServersRefusalAtTheField() {
		page.chooseDayFrom(4);
		page.firstFreeSlot().click();
		page.fill("email", "not-an-email");
		page.fill("phone", "call me");
		browser.find("#book-button").click();

		assertThat(page.fieldError("name")).isEqualTo("Enter your name.");
		assertThat(page.fieldError("email")).contains("name@example.com");
		assertThat(page.fieldError("phone")).contains("digits");
		assertThat(browser.focused()).isEqualTo("name");
		assertThat(browser.find("#email").getAttribute("aria-describedby")).contains("email-error");

		// An address only the server's stricter check refuses: its 400 names the field,
		// shown there.
		page.fill("name", "Ada");
		page.fill("phone", "+44 20 7946 0000");
		page.fill("email", "ada@.example.com");
		assertThat(browser.all("#name-error")).isEmpty();
		browser.find("#book-button").click();
		assertThat(page.fieldError("email")).isEqualTo("Must be a well-formed email address.");
		assertThat(browser.focused()).isEqualTo("email");

		// Three bookings for one address this week already: the server's frequency limit,
		// shown at the email.
		String email = email();
		Http http = new Http(port);
		// On a day of this class's own, two hours apart.
		for (int hour : new int[] { 9, 11, 13 }) {
			Instant start = Slots.at(Slots.day(0), LocalTime.of(hour, 0));
			assertThat(http.post("/api/bookings", Map.of("name", "Ada", "email", email, "startTime", start.toString()))
				.status()).isEqualTo(201);
		}
		browser.open("/");
		page.loaded().chooseDayFrom(4);
		page.firstFreeSlot().click();
		page.fill("name", "Ada");
		page.fill("email", email);
		browser.find("#book-button").click();

		assertThat(page.fieldError("email")).contains("most bookings allowed");
		assertThat(browser.focused()).isEqualTo("email");
	}

	@Test
	void aFailingApiShowsWhatHappenedAndARetryButton() {
		browser.driver.executeCdpCommand("Network.enable", Map.of());
		browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*available-slots*")));
		try {
			browser.open("/");
			page.loaded();
			WebElement problem = page.problem();
			assertThat(problem.getText()).contains("We could not load the free times");
			assertThat(page.enabledDays()).isEmpty();
		}
		finally {
			browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
		}
		browser.find("#picker .problem button").click();
		page.loaded();
		assertThat(page.enabledDays()).isNotEmpty();
		assertThat(browser.find("#picker .problem").isDisplayed()).isFalse();
	}

	@Test
	void showsTimesInEitherZoneAndAnEmptyStateWhereNothingIsFree() {
		page.chooseDayFrom(2);
		String start = page.firstFreeSlot().getAttribute("data-start");
		String local = page.firstFreeSlot().getText();
		assertThat(browser.find("#picker .zone-note").getText()).contains(Browser.VISITOR_ZONE);
		assertThat(browser.find("#business-zone").getText()).isEqualTo("Europe/London");
		assertThat(browser.find("#business-hours").getText()).contains("Monday–Friday", "09:00–17:00");

		browser.find("label[for='book-zone-business']").click();

		assertThat(browser.find("#picker .zone-note").getText()).contains("Europe/London");
		assertThat(page.slot(start).getText()).isNotEqualTo(local).contains("your time");

		// Beyond the maximum advance (90 days) nothing is offered: every day disabled,
		// and said so.
		for (int i = 0; i < 7; i++) {
			browser.find("#picker button.nav:last-of-type").click();
			page.loaded();
		}
		assertThat(page.enabledDays()).isEmpty();
		assertThat(browser.find("#picker .picker-status").getText()).startsWith("Nothing is free between");
		assertThat(browser.find("#picker .day-slots").isDisplayed()).isFalse();
	}

	@Test
	void aCustomerBooksWithTheKeyboardAlone() {
		Actions keys = new Actions(browser.driver);
		browser.find("#duration").sendKeys("");
		// Tab from the length to the first day of the grid (one tab stop), arrows through
		// the days, Enter to choose.
		keys.sendKeys(Keys.TAB).perform();
		while (!"day".equals(browser.driver.switchTo().activeElement().getAttribute("class"))) {
			keys.sendKeys(Keys.TAB).perform();
		}
		keys.sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
		assertThat(browser.driver.switchTo().activeElement().getAttribute("class")).isEqualTo("day-heading");
		keys.sendKeys(Keys.TAB).perform();
		String start = browser.driver.switchTo().activeElement().getAttribute("data-start");
		assertThat(start).isNotBlank();
		keys.sendKeys(Keys.ENTER).perform();
		assertThat(browser.focused()).isEqualTo("details-heading");
		keys.sendKeys(Keys.TAB)
			.sendKeys("Alan Turing")
			.sendKeys(Keys.TAB)
			.sendKeys(email())
			.sendKeys(Keys.ENTER)
			.perform();

		page.confirmation();
		assertThat(browser.focused()).isEqualTo("confirmation-heading");
		assertThat(browser.find("#confirmation-details").getText()).contains("Alan Turing");
	}

	@Test
	void thePageHasNoSeriousAccessibilityViolationsAtDesktopOrPhoneWidth() {
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		// Everything from the app itself: no CDN, a favicon of its own.
		assertThat(browser.driver
			.executeScript("return performance.getEntriesByType('resource').map((r) => new URL(r.name).origin)"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isNotEmpty()
			.containsOnly(browser.url(""));
		assertThat(browser.find("link[rel='icon']").getAttribute("href")).endsWith("/favicon.svg");
		assertThat(new Http(port).get("/favicon.svg").status()).isEqualTo(200);
		browser.screenshot("booking-start-desktop");
		page.chooseDayFrom(2);
		page.firstFreeSlot().click();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("booking-desktop");

		browser.width(375);
		browser.open("/");
		LocalDate day = page.loaded().chooseDayFrom(2);
		// One day's times at a time, so the details form follows them closely.
		assertThat(page.slotStarts())
			.allSatisfy(start -> assertThat(Instant.parse(start).atZone(ZoneId.of(Browser.VISITOR_ZONE)).toLocalDate())
				.isEqualTo(day));
		browser.screenshot("booking-phone", false);
		page.firstFreeSlot().click();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(375L);
		browser.screenshot("booking-details-phone");
	}

	static String email() {
		return "browser-" + UUID.randomUUID() + "@example.com";
	}

}
