package com.acme.booking.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.booking.ActivitiesTestApplication;
import com.acme.booking.booking.Booking;
import com.acme.booking.booking.BookingChange;
import com.acme.booking.booking.BookingRepository;
import com.acme.booking.booking.FrequencyLimit;
import com.acme.booking.booking.NewBooking;
import com.acme.booking.workflow.BookingTemporal;
import com.acme.booking.workflow.BookingWorkflow;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CRM sync through the real booking workflow, embedded PostgreSQL and the in-process Temporal server, against
 * WireMock speaking HubSpot's API. Lost answers are simulated by dropping the connection after HubSpot has acted.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class,
		properties = { "booking.crm.enabled=true", "booking.crm.hubspot.access-token=" + HubSpotStubs.TOKEN,
				"booking.crm.hubspot.read-timeout=3s", "booking.crm.circuit-breaker.minimum-number-of-calls=1000" })
class CrmSyncEndToEndTest {

	private static final String CONTACTS = "/crm/v3/objects/contacts";

	private static final String UPSERT_MEETING = "/crm/v3/objects/meetings/batch/upsert";

	private static final AtomicInteger slot = new AtomicInteger();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void hubspotUrl(DynamicPropertyRegistry registry) {
		registry.add("booking.crm.hubspot.base-url", hubspot::baseUrl);
	}

	@Autowired
	BookingRepository bookings;

	@Autowired
	WorkflowClient temporal;

	@BeforeEach
	void propertiesExist() {
		// The service's property groups and properties are already in the portal: HubSpot answers 409.
		hubspot.stubFor(post(urlPathMatching("/crm/v3/properties/(contacts|meetings)(/groups)?"))
			.willReturn(HubSpotStubs.error(409, "OBJECT_ALREADY_EXISTS", "A property named 'booking_id' already exists.")));
		hubspot.stubFor(put(urlPathMatching("/crm/v4/objects/meetings/\\d+/associations/default/contacts/\\d+"))
			.willReturn(HubSpotStubs.associated("1", "1")));
		hubspot.stubFor(patch(urlPathMatching(CONTACTS + "/\\d+")).willReturn(HubSpotStubs.object(200, "0", "{}")));
		hubspot.stubFor(patch(urlPathMatching("/crm/v3/objects/meetings/\\d+")).willReturn(HubSpotStubs.object(200, "0", "{}")));
	}

	@Test
	void firstSyncCreatesContactAndMeetingOnItsTimeline() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1001")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2001", true)));
		Booking booking = book("Ada  Lovelace", "ada-first@example.com");

		Booking synced = awaitSynced(booking.id(), 1);

		assertThat(synced.crmContactId()).isEqualTo("1001");
		assertThat(synced.crmMeetingId()).isEqualTo("2001");
		hubspot.verify(postRequestedFor(urlEqualTo(CONTACTS))
			.withRequestBody(matchingJsonPath("$.properties.email", equalTo("ada-first@example.com")))
			.withRequestBody(matchingJsonPath("$.properties.firstname", equalTo("Ada")))
			.withRequestBody(matchingJsonPath("$.properties.lastname", equalTo("Lovelace")))
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("confirmed")))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(booking.id().toString()))));
		hubspot.verify(postRequestedFor(urlEqualTo(UPSERT_MEETING))
			.withRequestBody(matchingJsonPath("$.inputs[0].idProperty", equalTo("booking_id")))
			.withRequestBody(matchingJsonPath("$.inputs[0].id", equalTo(booking.id().toString())))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.hs_meeting_outcome", equalTo("SCHEDULED")))
			.withRequestBody(matchingJsonPath("$.inputs[0].properties.hs_meeting_start_time",
					equalTo(booking.startTime().toString()))));
		hubspot.verify(putRequestedFor(urlEqualTo("/crm/v4/objects/meetings/2001/associations/default/contacts/1001")));
	}

	@Test
	void lostContactCreateAnswerUpdatesTheContactItMadeInsteadOfASecond() {
		// HubSpot made the contact, but the answer never arrived; the retry's create is refused with its id.
		hubspot.stubFor(post(CONTACTS).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
		hubspot.stubFor(post(CONTACTS).inScenario("lost").whenScenarioStateIs("created")
			.willReturn(HubSpotStubs.contactExists("1002")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2002", true)));
		Booking booking = book("Grace Hopper", "grace@example.com");

		Booking synced = awaitSynced(booking.id(), 1);

		assertThat(synced.crmContactId()).isEqualTo("1002");
		hubspot.verify(exactly(2), postRequestedFor(urlEqualTo(CONTACTS)));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1002"))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(booking.id().toString()))));
		hubspot.verify(putRequestedFor(urlEqualTo("/crm/v4/objects/meetings/2002/associations/default/contacts/1002")));
	}

	@Test
	void lostMeetingAnswerIsFoundAgainByItsUniqueBookingId() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1003")));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("lost").whenScenarioStateIs("created")
			.willReturn(HubSpotStubs.meetingUpserted("2003", false)));
		Booking booking = book("Alan Turing", "alan@example.com");

		Booking synced = awaitSynced(booking.id(), 1);

		assertThat(synced.crmMeetingId()).isEqualTo("2003");
		List<ServeEvent> upserts = requests("POST", UPSERT_MEETING);
		assertThat(upserts).hasSize(2)
			.allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains("\"idProperty\":\"booking_id\"",
					"\"id\":\"" + booking.id() + "\""));
		// Never a plain create, which HubSpot could not tell from the lost one.
		hubspot.verify(exactly(0), postRequestedFor(urlEqualTo("/crm/v3/objects/meetings")));
	}

	@Test
	void meetingStoredBeforeAFailureIsUpdatedNotCreatedAgain() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1004")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2004", true)));
		hubspot.stubFor(put(urlEqualTo("/crm/v4/objects/meetings/2004/associations/default/contacts/1004"))
			.inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(HubSpotStubs.error(503, "SERVICE_UNAVAILABLE", "Service unavailable")).willSetStateTo("up"));
		hubspot.stubFor(put(urlEqualTo("/crm/v4/objects/meetings/2004/associations/default/contacts/1004"))
			.inScenario("flaky").whenScenarioStateIs("up").willReturn(HubSpotStubs.associated("2004", "1004")));
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings/2004")).willReturn(meetingAt(null, "SCHEDULED")));
		Booking booking = book("Katherine Johnson", "katherine@example.com");

		awaitSynced(booking.id(), 1);

		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(UPSERT_MEETING)));
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2004"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("SCHEDULED"))));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1004")));
	}

	@Test
	void rescheduleMovesTheMeetingAndMarksTheContactRescheduled() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1005")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2005", true)));
		Booking booking = book("Ludwig van Beethoven", "ludwig@example.com");
		awaitSynced(booking.id(), 1);
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings/2005"))
			.willReturn(meetingAt(booking.startTime(), "SCHEDULED")));
		Instant moved = booking.startTime().plus(1, ChronoUnit.HOURS);

		bookings.update(booking.id(), new BookingChange(moved, moved.plus(30, ChronoUnit.MINUTES), null, null, null,
				null), Duration.ofMinutes(15), Instant.now());
		workflow(booking.id()).bookingChanged();
		awaitSynced(booking.id(), 2);

		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2005"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("RESCHEDULED")))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_start_time", equalTo(moved.toString()))));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1005"))
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("rescheduled")))
			.withRequestBody(matchingJsonPath("$.properties.booking_start_time", equalTo(moved.toString())))
			.withRequestBody(matchingJsonPath("$.properties.lastname", equalTo("van Beethoven"))));
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(UPSERT_MEETING)));
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
	}

	@Test
	void cancelMarksTheMeetingCanceledAndTheContactCancelled() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1006")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2006", true)));
		Booking booking = book("Ada Byron", "byron@example.com");
		awaitSynced(booking.id(), 1);

		bookings.cancel(booking.id(), Instant.now());
		workflow(booking.id()).bookingChanged();
		awaitSynced(booking.id(), 2);

		hubspot.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/meetings/2006"))
			.withRequestBody(matchingJsonPath("$.properties.hs_meeting_outcome", equalTo("CANCELED"))));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1006"))
			.withRequestBody(matchingJsonPath("$.properties.booking_status", equalTo("cancelled"))));
	}

	@Test
	void secondBookingOfTheSameCustomerUpdatesTheSameContact() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.contactCreated("1007")));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("two").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(HubSpotStubs.meetingUpserted("2007", true)).willSetStateTo("second"));
		hubspot.stubFor(post(UPSERT_MEETING).inScenario("two").whenScenarioStateIs("second")
			.willReturn(HubSpotStubs.meetingUpserted("2008", true)));
		Booking first = book("Margaret Hamilton", "margaret@example.com");
		awaitSynced(first.id(), 1);

		Booking second = book("Margaret Hamilton", "Margaret@Example.com");
		Booking synced = awaitSynced(second.id(), 1);

		assertThat(synced.crmContactId()).isEqualTo("1007");
		assertThat(synced.crmMeetingId()).isEqualTo("2008");
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
		hubspot.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/1007"))
			.withRequestBody(matchingJsonPath("$.properties.booking_id", equalTo(second.id().toString()))));
	}

	@Test
	void missingPropertyFlagsManualSyncWithTheReason() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.propertyDoesNotExist("booking_status")));
		Booking booking = book("Hedy Lamarr", "hedy@example.com");

		Booking flagged = awaitFlagged(booking.id());

		assertThat(flagged.crmSyncError()).contains("'booking_status'", "PROPERTY_DOESNT_EXIST",
				"HubSpotPropertyMissing");
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
	}

	@Test
	void rejectedTokenFlagsManualSyncAndSaysWhatToFix() {
		hubspot.stubFor(post(CONTACTS).willReturn(HubSpotStubs.unauthorized()));
		Booking booking = book("Barbara Liskov", "barbara@example.com");

		Booking flagged = awaitFlagged(booking.id());

		assertThat(flagged.crmSyncError()).contains("booking.crm.hubspot.access-token", "HubSpotUnauthorized")
			.doesNotContain(HubSpotStubs.TOKEN);
		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo(CONTACTS)));
	}

	@Test
	void rateLimitedCallIsRetriedOnlyAfterRetryAfter() {
		hubspot.stubFor(post(CONTACTS).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(HubSpotStubs.rateLimited(1)).willSetStateTo("free"));
		hubspot.stubFor(post(CONTACTS).inScenario("limit").whenScenarioStateIs("free")
			.willReturn(HubSpotStubs.contactCreated("1009")));
		hubspot.stubFor(post(UPSERT_MEETING).willReturn(HubSpotStubs.meetingUpserted("2009", true)));
		Booking booking = book("Radia Perlman", "radia@example.com");

		awaitSynced(booking.id(), 1);

		List<ServeEvent> creates = requests("POST", CONTACTS);
		assertThat(creates).hasSize(2);
		Instant first = creates.get(0).getRequest().getLoggedDate().toInstant();
		Instant second = creates.get(1).getRequest().getLoggedDate().toInstant();
		// The test retry policy waits 20-100 ms; only Retry-After explains a second's pause.
		assertThat(Duration.between(first, second).abs()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	private Booking book(String name, String email) {
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.DAYS)
			.plus(slot.getAndIncrement() * 3L, ChronoUnit.HOURS);
		UUID id = UUID.randomUUID();
		Booking booking = bookings.insert(id, new NewBooking(name, email, "Analytical Engines", "+44 20 7946 0000",
				"Demo please", start, start.plus(30, ChronoUnit.MINUTES), "Europe/London"), Duration.ofMinutes(15),
				new FrequencyLimit(100, Duration.ofDays(7)), Instant.now());
		BookingWorkflow workflow = temporal.newWorkflowStub(BookingWorkflow.class, WorkflowOptions.newBuilder()
			.setWorkflowId(BookingTemporal.workflowId(id.toString()))
			.setTaskQueue(BookingTemporal.TASK_QUEUE)
			.build());
		WorkflowClient.start(workflow::run, id.toString());
		return booking;
	}

	private BookingWorkflow workflow(UUID id) {
		return temporal.newWorkflowStub(BookingWorkflow.class, BookingTemporal.workflowId(id.toString()));
	}

	private Booking awaitSynced(UUID id, long revision) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Booking b = bookings.findById(id).orElseThrow();
			return b.crmSynced() && b.crmSyncedRevision() >= revision;
		});
		Booking synced = bookings.findById(id).orElseThrow();
		assertThat(synced.requiresManualCrmSync()).isFalse();
		return synced;
	}

	private Booking awaitFlagged(UUID id) {
		await().atMost(Duration.ofSeconds(30)).until(() -> bookings.findById(id).orElseThrow().requiresManualCrmSync());
		return bookings.findById(id).orElseThrow();
	}

	private static List<ServeEvent> requests(String method, String url) {
		return hubspot.getAllServeEvents()
			.stream()
			.filter(e -> e.getRequest().getMethod().getName().equals(method) && e.getRequest().getUrl().equals(url))
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
			.toList();
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder meetingAt(Instant start,
			String outcome) {
		return HubSpotStubs.object(200, "0", """
				{"hs_meeting_start_time": %s, "hs_meeting_outcome": "%s"}"""
			.formatted(start == null ? "null" : "\"" + start.toString().replace("Z", ".000Z") + "\"", outcome));
	}

}
