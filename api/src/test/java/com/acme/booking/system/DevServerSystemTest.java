package com.acme.booking.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.acme.booking.laptop.ToolCache;
import com.acme.booking.laptop.temporal.DevServer;
import com.acme.booking.startup.StartupSummary;
import com.acme.booking.support.Slots;
import com.acme.booking.system.RunningApp.SyncRow;
import com.acme.booking.tools.RequiredTools;
import com.acme.booking.workflow.BookingTemporal;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on the real Temporal server it runs by default: the CLI's dev server
 * started as its child (one for the class, random ports, a temporary database), Google
 * and HubSpot played by their wire stand-ins. What an operator relies on is checked here:
 * list filters through visibility, summaries, signals.
 */
@ExtendWith(DevServerSystem.Resolver.class)
class DevServerSystemTest {

	static final Duration SYNC = Duration.ofSeconds(60);

	private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	static DevServerSystem system;

	static RunningApp app;

	static WorkflowClient temporal;

	static SyncStandIns standIns;

	@BeforeAll
	static void onTheDevServer(DevServerSystem started) {
		system = started;
		app = started.app;
		temporal = started.temporal;
		standIns = started.standIns;
	}

	@Test
	void runsOnTheDevServerItStartedAsAChild() {
		DevServer server = app.bean(DevServer.class);

		assertThat(ProcessHandle.of(server.pid())).get().matches(ProcessHandle::isAlive, "alive");
		assertThat(server.database()).isEqualTo(system.dataDir.toAbsolutePath().resolve("temporal.db"));
		assertThat(system.dataDir.resolve("temporal.pid")).content()
			.isEqualToIgnoringNewLines(String.valueOf(server.pid()));
		assertThat(temporal.getWorkflowServiceStubs().getOptions().getTarget()).isEqualTo(server.target());
	}

	@Test
	void itsStartUpSummarySaysWhereTheTemporalCliCameFrom() {
		DevServer server = app.bean(DevServer.class);
		Path cli = RequiredTools.temporalCli();
		String source = ToolCache.temporalCli(System.getenv())
			.map(ToolCache.Cli::source)
			.orElse("booking.temporal.dev-server.path");

		assertThat(app.bean(StartupSummary.class).lines()).contains("Temporal:         dev server (pid " + server.pid()
				+ ", " + cli + " from " + source + ") at " + server.target() + ", data in " + server.database()
				+ ", namespace default, task queue booking-sync");
	}

	/**
	 * The default pragmas reach SQLite: a database in write-ahead-log mode says so in its
	 * header (bytes 18 and 19, the file format's write and read versions, are 2; 1 for
	 * the rollback journal SQLite uses otherwise).
	 */
	@Test
	void keepsTemporalsDatabaseInWriteAheadLogMode() throws Exception {
		byte[] header = new byte[20];
		try (var in = Files.newInputStream(app.bean(DevServer.class).database())) {
			assertThat(in.readNBytes(header, 0, header.length)).isEqualTo(header.length);
		}

		assertThat(new String(header, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
		assertThat(header[18]).as("write version").isEqualTo((byte) 2);
		assertThat(header[19]).as("read version").isEqualTo((byte) 2);
	}

	/**
	 * The syncs are background work: the dev server runs niced (10 by default), below the
	 * service's requests.
	 */
	@Test
	void runsTheDevServerAtALowerPriorityThanTheService() throws Exception {
		String stat = Files.readString(Path.of("/proc", String.valueOf(app.bean(DevServer.class).pid()), "stat"));
		// Fields after the command's closing parenthesis start with the state (field 3);
		// nice is field 19.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");

		assertThat(Integer.parseInt(fields[16])).isEqualTo(10);
	}

	@Test
	void aBookingSyncsThroughCreateRescheduleAndCancel() {
		Map<String, Object> booking = app.book(0);
		String id = (String) booking.get("id");
		awaitCaughtUp(id, 1);
		String eventId = (String) app.adminView(id).get("calendarEventId");
		assertThat(app.adminView(id)).containsEntry("calendarSynced", true).containsEntry("crmSynced", true);

		app.reschedule(booking, RunningApp.slot(6));
		awaitCaughtUp(id, 2);
		app.cancel(booking);
		awaitCaughtUp(id, 3);

		var google = standIns.google.server;
		assertThat(SyncStandIns.requests(google, "POST", ".*/events")).as("one insert")
			.filteredOn(e -> e.getRequest().getBodyAsString().contains(eventId))
			.hasSize(1);
		assertThat(SyncStandIns.requests(google, "POST", ".*/events/" + eventId)).as("a patch for the new time")
			.anySatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains(eventTime(RunningApp.slot(6))));
		assertThat(SyncStandIns.requests(google, "DELETE", ".*/events/" + eventId)).hasSize(1);
		assertThat(SyncStandIns.requests(standIns.hubspot, "POST", SyncStandIns.UPSERT_MEETING)
			.stream()
			.filter(e -> e.getRequest().getBodyAsString().contains(id))
			.toList()).as("one meeting, created once; later changes patch it").hasSize(1);
		assertThat(activitySummaries(id)).contains("Create calendar event", "Update calendar event",
				"Delete calendar event", "Upsert CRM contact and meeting", "Cancel CRM meeting");
		assertThat(workflowSummary(id)).isEqualTo("Booking " + id);
	}

	/**
	 * The create hands the workflow start to the dispatcher and answers; the reschedule
	 * sent at once must still reach the workflow, whichever of the two reaches Temporal
	 * first. On the dev server: the in-process one can get a workflow stuck when a change
	 * races the first pass (temporalio/sdk-java#2391, docs/performance.md).
	 */
	@Test
	void aRescheduleRightAfterTheCreateReachesTheWorkflow() {
		// On this class's second and third days: clear of its other bookings on this
		// shared system.
		Map<String, Object> booking = app.book(7, RunningApp.slot(2, 1));
		String id = (String) booking.get("id");
		OffsetDateTime later = RunningApp.slot(2, 2);

		app.reschedule(booking, later);

		awaitCaughtUp(id, 2);
		String moved = eventTime(later);
		assertThat(SyncStandIns.requests(standIns.google.server, "POST", ".*/events.*"))
			.as("the calendar event carries the new time")
			.anySatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains(moved));
	}

	@Test
	void operatorsListFiltersFindExactlyTheFlaggedAndCancelledBookings() {
		standIns.calendarRefuses();
		String calendarManual = (String) app.book(1).get("id");
		await().atMost(SYNC)
			.until(() -> Boolean.TRUE.equals(app.adminView(calendarManual).get("requiresManualCalendarSync")));
		standIns.happy();
		standIns.crmRefuses();
		String crmManual = (String) app.book(2).get("id");
		await().atMost(SYNC).until(() -> Boolean.TRUE.equals(app.adminView(crmManual).get("requiresManualCrmSync")));
		standIns.happy();
		Map<String, Object> toCancel = app.book(3);
		String cancelled = (String) toCancel.get("id");
		app.cancel(toCancel);
		awaitCaughtUp(cancelled, 2);
		String mine = " AND BookingId IN ('%s', '%s', '%s')".formatted(calendarManual, crmManual, cancelled);

		await().atMost(SYNC).untilAsserted(() -> {
			assertThat(list("CalendarSync=\"MANUAL\"" + mine)).containsExactly(workflowId(calendarManual));
			assertThat(list("CrmSync=\"MANUAL\"" + mine)).containsExactly(workflowId(crmManual));
			assertThat(list("BookingStatus=\"CANCELLED\"" + mine)).containsExactly(workflowId(cancelled));
		});

		app.retrySync(crmManual);
		awaitCaughtUp(crmManual, 1);
		assertThat(app.adminView(crmManual)).containsEntry("crmSynced", true)
			.containsEntry("requiresManualCrmSync", false);
		await().atMost(SYNC).untilAsserted(() -> assertThat(list("CrmSync=\"MANUAL\"" + mine)).isEmpty());
		standIns.happy();
	}

	static List<String> list(String query) {
		return temporal.listExecutions(query).map(execution -> execution.getExecution().getWorkflowId()).toList();
	}

	static String workflowId(String bookingId) {
		return BookingTemporal.workflowId(bookingId);
	}

	static void awaitCaughtUp(String id, long revision) {
		await().atMost(SYNC)
			.untilAsserted(() -> assertThat(app.syncRows()).filteredOn(row -> row.id().toString().equals(id))
				.singleElement()
				.satisfies(row -> assertThat(row.revision()).isEqualTo(revision))
				.matches(SyncRow::caughtUp, "calendar and CRM caught up"));
	}

	static List<String> activitySummaries(String bookingId) {
		return temporal.fetchHistory(workflowId(bookingId))
			.getEvents()
			.stream()
			.filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
			.filter(HistoryEvent::hasUserMetadata)
			.map(event -> text(event.getUserMetadata().getSummary()))
			.toList();
	}

	static String workflowSummary(String bookingId) {
		return temporal.newUntypedWorkflowStub(workflowId(bookingId)).describe().getStaticSummary();
	}

	static String text(Payload payload) {
		return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
	}

	/**
	 * How a Google event states {@code start}: the business's wall-clock time (with its
	 * offset after it), not the UTC instant, which differs in British Summer Time.
	 */
	private static String eventTime(OffsetDateTime start) {
		return start.atZoneSameInstant(Slots.LONDON).toLocalDateTime().format(WALL_CLOCK);
	}

}
