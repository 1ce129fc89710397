package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.activitiestest.ActivitiesTestApplication;
import com.acme.booking.core.Booking;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.ChangeSource;
import com.acme.booking.core.FrequencyLimit;
import com.acme.booking.core.NewBooking;
import com.acme.booking.support.TestClock;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.acme.booking.workflow.Integration;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared set-up of the CRM end-to-end tests: the real booking workflow, embedded
 * PostgreSQL and the in-process Temporal server, with HubSpot played by WireMock in its
 * own wire format. One Spring context serves all subclasses.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class,
		properties = { "booking.crm.enabled=true", "booking.crm.hubspot.access-token=" + HubSpotStubs.TOKEN,
				"booking.crm.hubspot.read-timeout=3s", "booking.crm.circuit-breaker.minimum-number-of-calls=1000",
				// Must cover an attempt's worst case, or the HubSpot client refuses to
				// start.
				"booking.sync.attempt-timeout=5m" })
abstract class CrmEndToEndSupport {

	static final String CONTACTS = "/crm/v3/objects/contacts";

	static final String UPSERT_MEETING = "/crm/v3/objects/meetings/batch/upsert";

	private static final AtomicInteger slot = new AtomicInteger();

	/** Stubs naming {@link AppliedWrites#NAME} report to it. */
	static final AppliedWrites appliedWrites = new AppliedWrites();

	/**
	 * One server for the JVM: the cached Spring context shared by the subclasses keeps
	 * pointing at its port.
	 */
	static final WireMockServer hubspot = start();

	@DynamicPropertySource
	static void hubspotUrl(DynamicPropertyRegistry registry) {
		registry.add("booking.crm.hubspot.base-url", hubspot::baseUrl);
	}

	@Autowired
	BookingRepository bookings;

	@Autowired
	WorkflowClient temporal;

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().extensions(appliedWrites));
		server.start();
		return server;
	}

	@BeforeEach
	void propertiesExist() {
		hubspot.resetAll();
		// The service's property groups and properties are already in the portal: HubSpot
		// answers 409.
		hubspot.stubFor(post(urlPathMatching("/crm/v3/properties/(contacts|meetings)(/groups)?")).willReturn(
				HubSpotStubs.error(409, "OBJECT_ALREADY_EXISTS", "A property named 'booking_id' already exists.")));
		hubspot.stubFor(put(urlPathMatching("/crm/v4/objects/meetings/\\d+/associations/default/contacts/\\d+"))
			.willReturn(HubSpotStubs.associated("1", "1")));
		hubspot.stubFor(patch(urlPathMatching(CONTACTS + "/\\d+")).willReturn(HubSpotStubs.object(200, "0", "{}")));
		// Contacts hold no name, company or phone unless a test says otherwise.
		hubspot.stubFor(
				get(urlPathMatching(CONTACTS + "/\\d+")).willReturn(HubSpotStubs.contact("0", null, null, null, null)));
		hubspot.stubFor(patch(urlPathMatching("/crm/v3/objects/meetings/\\d+"))
			.willReturn(HubSpotStubs.object(200, "0", "{}")));
	}

	Booking book(String name, String email) {
		return book(name, email, "Analytical Engines", "+44 20 7946 0000");
	}

	Booking book(String name, String email, String company, String phone) {
		Instant start = TestClock.now()
			.truncatedTo(ChronoUnit.HOURS)
			.plus(3, ChronoUnit.DAYS)
			.plus(slot.getAndIncrement() * 3L, ChronoUnit.HOURS);
		UUID id = UUID.randomUUID();
		Booking booking = bookings.insert(id,
				new NewBooking(name, email, company, phone, "Demo please", start, start.plus(30, ChronoUnit.MINUTES),
						"Europe/London"),
				Duration.ofMinutes(15), new FrequencyLimit(100, Duration.ofDays(7)), TestClock.now(),
				ChangeSource.CUSTOMER);
		BookingWorkflow workflow = temporal.newWorkflowStub(BookingWorkflow.class,
				WorkflowOptions.newBuilder()
					.setWorkflowId(BookingTemporal.workflowId(id.toString()))
					.setTaskQueue(BookingTemporal.TASK_QUEUE)
					.build());
		WorkflowClient.start(workflow::run, id.toString());
		return booking;
	}

	BookingWorkflow workflow(UUID id) {
		return temporal.newWorkflowStub(BookingWorkflow.class, BookingTemporal.workflowId(id.toString()));
	}

	Booking awaitSynced(UUID id, long revision) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Booking b = bookings.findById(id).orElseThrow();
			// A flagged booking will not sync by itself: fail now, with the reason.
			assertThat(b.sync(Integration.CRM).manual())
				.as("flagged for manual sync: %s", b.sync(Integration.CRM).error())
				.isFalse();
			return b.sync(Integration.CRM).synced() && b.sync(Integration.CRM).syncedRevision() >= revision;
		});
		return bookings.findById(id).orElseThrow();
	}

	Booking awaitFlagged(UUID id) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> bookings.findById(id).orElseThrow().sync(Integration.CRM).manual());
		return bookings.findById(id).orElseThrow();
	}

	static List<ServeEvent> requests(String method, String url) {
		return hubspot.getAllServeEvents()
			.stream()
			.filter(e -> e.getRequest().getMethod().getName().equals(method) && e.getRequest().getUrl().equals(url))
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
			.toList();
	}

	static ResponseDefinitionBuilder meetingAt(Instant start, String outcome) {
		return HubSpotStubs.object(200, "0", """
				{"hs_meeting_start_time": %s, "hs_meeting_outcome": "%s"}"""
			.formatted(start == null ? "null" : "\"" + start.toString().replace("Z", ".000Z") + "\"", outcome));
	}

}
