package com.acme.booking.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.acme.activitiestest.ActivitiesTestApplication;
import com.acme.booking.calendar.FakeGoogle;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingStatus;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.crm.HubSpotStubs;
import com.acme.booking.message.BookingMessage;
import com.acme.booking.message.BookingMessages;
import com.acme.booking.message.Delivery;
import com.acme.booking.message.MessageKind;
import com.acme.booking.support.BookingRuns;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email verification end to end: the real workflow and activities on the in-process
 * Temporal server (time skipping for the hold's end), a real SMTP server (GreenMail), and
 * Google and HubSpot played by WireMock in their wire formats. A hold sends one email
 * without a calendar file to an address nobody has confirmed yet, and nothing about it
 * reaches Google or HubSpot before the customer confirms.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class,
		properties = { "booking.mail.enabled=true", "booking.mail.from=Acme Consulting <bookings@acme.example>",
				"booking.business.name=Acme Consulting", "booking.public-url=https://book.acme.example",
				"spring.mail.host=127.0.0.1", "management.health.mail.enabled=false", "booking.calendar.enabled=true",
				"booking.calendar.calendar-id=" + FakeGoogle.CALENDAR_ID, "booking.calendar.send-updates=none",
				"booking.crm.enabled=true", "booking.crm.hubspot.access-token=" + HubSpotStubs.TOKEN,
				"booking.crm.circuit-breaker.minimum-number-of-calls=1000",
				"booking.calendar.circuit-breaker.minimum-calls=1000", "booking.sync.attempt-timeout=5m" })
class EmailVerificationEndToEndTest {

	static final String CONTACTS = "/crm/v3/objects/contacts";

	static final Duration WINDOW = Duration.ofMinutes(15);

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final FakeGoogle google = new FakeGoogle();

	static final WireMockServer hubspot = new WireMockServer(wireMockConfig().dynamicPort());

	static final AtomicInteger DAY = new AtomicInteger(3);

	@Autowired
	BookingRepository bookings;

	@Autowired
	BookingMessages messages;

	@Autowired
	ManageLinks links;

	@Autowired
	NewManageLinkMail newLinks;

	@Autowired
	WorkflowClient temporal;

	@Autowired
	TestWorkflowEnvironment env;

	Mailbox mailbox;

	@DynamicPropertySource
	static void pointAtStandIns(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("booking.calendar.service-account-file", () -> google.keyFile.toString());
		registry.add("booking.calendar.root-url", google::rootUrl);
		if (!hubspot.isRunning()) {
			hubspot.start();
		}
		registry.add("booking.crm.hubspot.base-url", hubspot::baseUrl);
	}

	@AfterAll
	static void stop() {
		google.close();
		hubspot.stop();
	}

	@BeforeEach
	void standIns() {
		mailbox = new Mailbox(smtp);
		google.reset();
		google.stub(post(FakeGoogle.eventsUrl()).willReturn(FakeGoogle.eventJson("event")));
		google.stub(post(urlPathMatching(FakeGoogle.eventsUrl().getExpected() + "/[a-v0-9]+"))
			.willReturn(FakeGoogle.eventJson("event")));
		google
			.stub(delete(urlPathMatching(FakeGoogle.eventsUrl().getExpected() + "/[a-v0-9]+")).willReturn(noContent()));
		hubspot.resetAll();
		hubspot.stubFor(post(urlPathMatching("/crm/v3/properties/(contacts|meetings)(/groups)?")).willReturn(
				HubSpotStubs.error(409, "OBJECT_ALREADY_EXISTS", "A property named 'booking_id' already exists.")));
		hubspot.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(HubSpotStubs.contactCreated("1001")));
		hubspot.stubFor(patch(urlPathMatching(CONTACTS + "/\\d+")).willReturn(HubSpotStubs.object(200, "1001", "{}")));
		hubspot.stubFor(post(urlPathEqualTo("/crm/v3/objects/meetings/batch/upsert"))
			.willReturn(HubSpotStubs.meetingUpserted("2001", true)));
		hubspot.stubFor(patch(urlPathMatching("/crm/v3/objects/meetings/\\d+"))
			.willReturn(HubSpotStubs.object(200, "2001", "{}")));
		hubspot.stubFor(put(urlPathMatching("/crm/v4/objects/meetings/\\d+/associations/default/contacts/\\d+"))
			.willReturn(HubSpotStubs.associated("2001", "1001")));
	}

	@Test
	void anUnconfirmedHoldSendsOneEmailWithoutACalendarFileReachesNeitherGoogleNorHubSpotAndExpires() throws Exception {
		Booking hold = newHold("Mallory Stranger");
		start(hold);
		Mailbox.Received verification = awaitMails(hold, 1).get(0);

		assertThat(verification.subject()).startsWith("Please confirm your booking: ");
		assertThat(verification.text()).contains(links.verifyUrl(hold.id()), "within 15 minutes")
			.doesNotContain("manage.html");
		assertThat(verification.ics()).as("no calendar invitation before the confirmation").isNull();

		env.sleep(WINDOW.minus(Duration.ofMinutes(1)));
		assertThat(bookings.findById(hold.id()).orElseThrow().status()).isEqualTo(BookingStatus.PENDING_VERIFICATION);
		assertThat(aboutTheBooking(hold)).as("calls about the hold before its end").isEmpty();

		env.sleep(Duration.ofMinutes(2));
		Booking expired = awaitBooking(hold, Booking::isCancelled);
		assertThat(expired.cancellationReason()).isEqualTo(Booking.VERIFICATION_EXPIRED);
		assertThat(expired.sync()).as("nothing left to push")
			.allSatisfy((integration, sync) -> assertThat(sync.syncedRevision()).isEqualTo(expired.revision()))
			.containsOnlyKeys(Integration.values());
		workflowStub(hold).getResult(10, TimeUnit.SECONDS, Void.class);
		assertThat(mailbox.to(hold.email())).as("one email per hold, and none when it expires").hasSize(1);
		assertThat(aboutTheBooking(hold)).as("calls about the hold, ever").isEmpty();
		assertThat(messages.forBooking(hold.id())).singleElement().satisfies(kept -> {
			assertThat(kept.kind()).isEqualTo(MessageKind.VERIFICATION);
			assertThat(kept.text()).contains("/verify.html?id=" + hold.id() + "#code=***")
				.doesNotContain(code(links.verifyUrl(hold.id())));
		});
	}

	@Test
	void aConfirmedHoldReachesGoogleAndHubSpotOnlyAfterTheConfirmationAndIsConfirmedByEmail() {
		Booking hold = newHold("Ada Lovelace");
		start(hold);
		awaitMails(hold, 1);
		env.sleep(Duration.ofMinutes(5));
		assertThat(aboutTheBooking(hold)).isEmpty();

		assertThat(bookings.verify(hold.id(), now())).isPresent();
		workflow(hold).verified();

		Booking synced = awaitBooking(hold, b -> b.sync(Integration.CALENDAR).synced()
				&& b.sync(Integration.CRM).synced() && b.sync(Integration.MAIL).synced());
		assertThat(synced.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(synced.emailVerified()).isTrue();
		assertThat(google.server.getAllServeEvents())
			.anySatisfy(e -> assertThat(e.getRequest().getUrl()).contains("/events"));
		assertThat(hubspot.getAllServeEvents())
			.anySatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains(hold.email()));
		List<Mailbox.Received> mails = awaitMails(hold, 2);
		assertThat(mails.get(1).subject()).startsWith("Booking confirmed: ");
		assertThat(mails.get(1).text()).contains(links.manageUrl(synced));
		assertThat(mails.get(1).ics()).isNotNull();
		env.sleep(WINDOW);
		assertThat(bookings.findById(hold.id()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
	}

	@Test
	void aNewManageLinkIsMailedWithTheNewTokenAndKeptMasked() {
		Booking booking = bookings.insert(UUID.randomUUID(), details("Grace Hopper", nextStart()),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), now(), ChangeSource.CUSTOMER);
		Booking reissued = bookings.reissueManageLink(booking.id()).orElseThrow();

		assertThat(newLinks.send(reissued)).isEqualTo(Delivery.SENT);

		Mailbox.Received mail = awaitMails(booking, 1).get(0);
		assertThat(mail.subject()).startsWith("Your new link for your booking: ");
		assertThat(mail.text()).contains(links.manageUrl(reissued)).doesNotContain(links.tokenFor(booking));
		assertThat(mail.ics()).isNull();
		BookingMessage kept = messages.forBooking(booking.id()).get(0);
		assertThat(kept.kind()).isEqualTo(MessageKind.NEW_LINK);
		assertThat(kept.delivery()).isEqualTo(Delivery.SENT);
		assertThat(kept.text()).contains("#token=***").doesNotContain(links.tokenFor(reissued));
		assertThat(kept.html()).doesNotContain(links.tokenFor(reissued));
	}

	/**
	 * What reached Google or HubSpot about a booking: anything with its address, and any
	 * call about an event, a contact or a meeting.
	 */
	private List<ServeEvent> aboutTheBooking(Booking booking) {
		Predicate<ServeEvent> about = e -> {
			String call = e.getRequest().getUrl() + " " + e.getRequest().getBodyAsString();
			return call.contains(booking.email()) || call.contains("/events") || call.contains("/crm/v3/objects")
					|| call.contains("/crm/v4/objects");
		};
		return Stream.concat(google.server.getAllServeEvents().stream(), hubspot.getAllServeEvents().stream())
			.filter(about)
			.toList();
	}

	private static String code(String verifyUrl) {
		return verifyUrl.substring(verifyUrl.indexOf("#code=") + "#code=".length());
	}

	private Instant now() {
		return Instant.ofEpochMilli(env.currentTimeMillis());
	}

	private Instant nextStart() {
		return now().truncatedTo(ChronoUnit.DAYS)
			.plus(Duration.ofDays(DAY.getAndIncrement()))
			.plus(Duration.ofHours(14));
	}

	private static NewBooking details(String name, Instant start) {
		return new NewBooking(name, "customer+" + UUID.randomUUID() + "@example.com", "Analytical Engines",
				"+44 20 7946 0000", null, start, start.plus(Duration.ofMinutes(30)), "Europe/London");
	}

	private Booking newHold(String name) {
		return bookings.hold(UUID.randomUUID(), details(name, nextStart()), Duration.ofMinutes(15),
				new FrequencyLimit(100, Duration.ofDays(7)), now(), WINDOW, ChangeSource.CUSTOMER);
	}

	private void start(Booking booking) {
		BookingRuns.start(temporal, booking);
	}

	private BookingWorkflow workflow(Booking booking) {
		return BookingRuns.of(temporal, booking);
	}

	private WorkflowStub workflowStub(Booking booking) {
		return WorkflowStub.fromTyped(workflow(booking));
	}

	private List<Mailbox.Received> awaitMails(Booking booking, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> mailbox.to(booking.email()), mails -> mails.size() >= count);
	}

	private Booking awaitBooking(Booking booking, Predicate<Booking> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> bookings.findById(booking.id()).orElseThrow(), condition::test);
	}

}
