package com.acme.booking.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.acme.booking.support.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a customer does on the booking page (and the picker of the manage page), in the
 * browser.
 */
final class BookingPage {

	private final Browser browser;

	private final String picker;

	BookingPage(Browser browser, String pickerId) {
		this.browser = browser;
		this.picker = "#" + pickerId;
	}

	/**
	 * Waits until the picker has an answer: days are enabled or the empty state or an
	 * error shows.
	 */
	BookingPage loaded() {
		browser.await(driver -> "false".equals(browser.find(picker + " .days").getAttribute("aria-busy")));
		return this;
	}

	List<WebElement> enabledDays() {
		return browser.all(picker + " button.day:not([disabled])");
	}

	/**
	 * Chooses the first day with free times at least {@code daysAhead} days from today
	 * (so the minimum notice cannot take a time away while the test runs), turning pages
	 * as needed.
	 */
	LocalDate chooseDayFrom(int daysAhead) {
		LocalDate earliest = TestClock.today(ZoneId.of(Browser.VISITOR_ZONE)).plusDays(daysAhead);
		for (int page = 0; page < 4; page++) {
			loaded();
			for (WebElement day : enabledDays()) {
				LocalDate date = LocalDate.parse(day.getAttribute("data-date"));
				if (!date.isBefore(earliest)) {
					day.click();
					browser.await(driver -> dayHeading().getText().startsWith("Free times on"));
					return date;
				}
			}
			browser.find(picker + " button.nav:last-of-type").click();
		}
		throw new AssertionError("No free day from " + earliest);
	}

	WebElement dayHeading() {
		return browser.find(picker + " .day-heading");
	}

	/** The start instants of the chosen day's free times, as listed. */
	List<String> slotStarts() {
		return browser.all(picker + " button.slot").stream().map(b -> b.getAttribute("data-start")).toList();
	}

	WebElement slot(String start) {
		return browser.find(picker + " button.slot[data-start='" + start + "']");
	}

	WebElement firstFreeSlot() {
		return browser.find(picker + " button.slot:not([disabled])");
	}

	WebElement problem() {
		return browser.visible(picker + " .problem");
	}

	void fill(String field, String value) {
		WebElement input = browser.find("#" + field);
		input.clear();
		input.sendKeys(value);
	}

	/** The error shown at a field of the details form. */
	String fieldError(String field) {
		return browser.visible("#" + field + "-error").getText();
	}

	WebElement confirmation() {
		return browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
	}

}
