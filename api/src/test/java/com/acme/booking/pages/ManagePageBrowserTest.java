package com.acme.booking.pages;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import com.acme.booking.support.Http;
import com.acme.booking.support.RunningService;
import com.acme.booking.support.Slots;
import com.acme.booking.token.ManageLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The manage page in a real headless Chromium: reschedule, cancel, a wrong token. */
@RunningService
class ManagePageBrowserTest {

	/** Each booking gets a day of its own ({@link Slots#day}). */
	private static int booked;

	@TempDir
	static Path workDir;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	ManageLinks links;

	Http http;

	@BeforeEach
	void startBrowser() {
		http = new Http(port);
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

	/**
	 * A booking at 10:00 London on a weekday of its own, with its neighbours free;
	 * returns the create response.
	 */
	JsonNode book() {
		Instant start = Slots.at(Slots.day(booked++), LocalTime.of(10, 0));
		Http.Response created = http.post("/api/bookings",
				Map.of("name", "Ada Lovelace", "email", BookingPageBrowserTest.email(), "startTime", start.toString()));
		assertThat(created.status()).isEqualTo(201);
		return created.json();
	}

	/**
	 * The create response's manageUrl, opened on the test server (booking.public-url
	 * names another port).
	 */
	void openManageUrl(JsonNode booking) {
		String manageUrl = booking.path("manageUrl").asString();
		assertThat(manageUrl).startsWith(links.publicUrl() + "/manage.html?id=");
		browser.open(manageUrl.substring(links.publicUrl().length()));
		browser.visible("#booking");
	}

	JsonNode current(JsonNode booking) {
		return http
			.get("/api/bookings/" + booking.path("id").asString(), "X-Booking-Token",
					booking.path("manageToken").asString())
			.json();
	}

	@Test
	void reschedulesToTheNeighbouringTimeThatThePublicListingHides() {
		JsonNode booking = book();
		String start = booking.path("startTime").asString();
		String neighbour = Instant.parse(start).plusSeconds(1800).toString();
		String date = start.substring(0, 10);
		assertThat(http.get("/api/bookings/available-slots?startDate=" + date + "&endDate=" + date).body())
			.doesNotContain(neighbour);
		openManageUrl(booking);
		assertThat(browser.find("#booking-time").getText()).contains("Your time:").contains("Our time (Europe/London)");

		browser.find("#show-reschedule").click();
		assertThat(browser.focused()).isEqualTo("reschedule-heading");
		BookingPage picker = new BookingPage(browser, "picker").loaded();
		browser.await(driver -> !picker.slotStarts().isEmpty());
		assertThat(picker.slot(start).isEnabled()).isFalse();
		assertThat(picker.slot(start).getText()).contains("your current time");
		picker.slot(neighbour).click();
		assertThat(browser.focused()).isEqualTo("confirm-reschedule");
		browser.find("#confirm-reschedule").click();

		browser.await(driver -> browser.find("#action-status").getText().contains("moved"));
		assertThat(browser.focused()).isEqualTo("booking-heading");
		assertThat(current(booking).path("startTime").asString()).isEqualTo(neighbour);
		assertThat(browser.find("#reschedule").isDisplayed()).isFalse();
	}

	@Test
	void cancelsOnlyAfterConfirmation() {
		JsonNode booking = book();
		openManageUrl(booking);

		browser.find("#cancel-booking").click();
		WebElement dialog = browser.visible("#confirm-cancel");
		assertThat(dialog.getText()).contains("Cancel this booking?");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.find("#confirm-cancel button[value='keep']").click();
		assertThat(browser.focused()).isEqualTo("cancel-booking");
		assertThat(current(booking).path("status").asString()).isEqualTo("CONFIRMED");

		browser.find("#cancel-booking").click();
		browser.visible("#confirm-cancel button[value='cancel']").click();

		browser.await(driver -> browser.find("#status").getText().equals("Cancelled"));
		assertThat(browser.find("#action-status").getText()).contains("cancelled");
		assertThat(browser.find("#actions").isDisplayed()).isFalse();
		assertThat(current(booking).path("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void aWrongTokenShowsNotFoundAndNothingOfTheBooking() {
		JsonNode booking = book();
		browser.open("/manage.html?id=" + booking.path("id").asString() + "#token=" + "x".repeat(43));

		WebElement problem = browser.visible("#load-problem");
		assertThat(problem.getText()).contains("We could not find this booking");
		assertThat(browser.find("#booking").isDisplayed()).isFalse();
		assertThat(browser.driver.getPageSource()).doesNotContain("Ada Lovelace");
	}

	@Test
	void theManagePageHasNoSeriousAccessibilityViolationsAtDesktopOrPhoneWidth() {
		JsonNode booking = book();
		openManageUrl(booking);
		browser.find("#show-reschedule").click();
		new BookingPage(browser, "picker").loaded();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.screenshot("manage-desktop");

		browser.width(375);
		openManageUrl(booking);
		browser.find("#show-reschedule").click();
		new BookingPage(browser, "picker").loaded();
		assertThat(browser.find("#reschedule .day-slots").isDisplayed()).isTrue();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(375L);
		browser.screenshot("manage-phone", false, "#reschedule");
	}

}
