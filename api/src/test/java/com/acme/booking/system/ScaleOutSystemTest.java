package com.acme.booking.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.acme.booking.chaos.CalmStandIns;
import com.acme.booking.support.Http;
import com.acme.booking.support.TestClock;
import com.acme.booking.tools.FreePorts;
import com.acme.booking.tools.RequiredTools;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out layout of docs/deployment.md on one machine: an external PostgreSQL
 * (Debian's), one Temporal server (the CLI's dev server), two API instances on both, the
 * second API-only ({@code booking.worker.enabled=false}), and the worker jar's
 * application, each in a JVM of its own, with Google and HubSpot played by the chaos
 * stand-ins. Started once for the class; the methods run in order, the last two stopping
 * parts of it: the instance that runs a worker, then Temporal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutSystemTest {

	private static final String ADMIN_KEY = "scale-out-admin-key";

	private static final Duration RECONCILE = Duration.ofSeconds(1);

	/** The first day of the test's slots: whole hours, all day open (in UTC). */
	private static final Instant DAY = TestClock.today(ZoneOffset.UTC)
		.plusDays(3)
		.atStartOfDay(ZoneOffset.UTC)
		.toInstant();

	/** The children's output, kept for a failed run. */
	private static final Path LOGS = Path.of("target", "scale-out-test");

	@TempDir
	static Path dir;

	private static CalmStandIns standIns;

	private static LocalPostgres postgres;

	private static TemporalDevServer temporal;

	/** An API instance that runs a worker too (the default). */
	private static ChildJvmApp withWorker;

	private static ChildJvmApp apiOnly;

	private static ChildJvmApp worker;

	@BeforeAll
	static void startTheLayout() throws Exception {
		Path cli = RequiredTools.temporalCli();
		String workerClassPath = workerClassPath();
		Files.createDirectories(LOGS);
		ExecutorService starts = Executors.newFixedThreadPool(3);
		try {
			List<Throwable> failures = new ArrayList<>();
			Future<CalmStandIns> google = starts.submit(() -> new CalmStandIns(dir, Duration.ofMillis(200)));
			Future<LocalPostgres> database = starts.submit(() -> LocalPostgres.start(dir.resolve("db")));
			Future<TemporalDevServer> server = starts
				.submit(() -> TemporalDevServer.start(TemporalDevServerOptions.newBuilder()
					.setExistingPath(cli.toString())
					.setDownloadEnabled(false)
					.setPort(FreePorts.any())
					.setUiEnabled(false)
					.setLogLevel("error")
					.build()));
			standIns = started(google, failures);
			postgres = started(database, failures);
			temporal = started(server, failures);
			failIfAny(failures);

			List<String> shared = new ArrayList<>(standIns.settings());
			shared.addAll(List.of("spring.datasource.url=" + postgres.jdbcUrl(), "spring.datasource.username=booking",
					"spring.temporal.connection.target=" + temporal.getTarget(),
					"booking.security.token-secret=scale-out-token-secret-0123456789-abcdefghij",
					// A worker killed mid-attempt: its attempts are retried elsewhere
					// after
					// this, not after 20 s.
					"booking.sync.heartbeat-timeout=3s"));
			List<String> api = new ArrayList<>(shared);
			api.addAll(List.of("booking.admin.api-key=" + ADMIN_KEY, "booking.sync.reconcile-interval=" + RECONCILE));
			List<String> apiWithoutWorker = new ArrayList<>(api);
			apiWithoutWorker.add("booking.worker.enabled=false");

			// All three at once, Flyway's lock and the search attributes' registration
			// included, as a rollout may start them.
			Future<ChildJvmApp> first = starts
				.submit(() -> ChildJvmApp.start(dir.resolve("api-1"), log("api-with-worker"), api));
			Future<ChildJvmApp> second = starts
				.submit(() -> ChildJvmApp.start(dir.resolve("api-2"), log("api-only"), apiWithoutWorker));
			Future<ChildJvmApp> third = starts.submit(() -> ChildJvmApp.worker(workerClassPath,
					"com.acme.booking.BookingWorkerApplication", FreePorts.any(), log("worker"), shared));
			withWorker = started(first, failures);
			apiOnly = started(second, failures);
			worker = started(third, failures);
			failIfAny(failures);
		}
		finally {
			starts.shutdownNow();
		}
	}

	@AfterAll
	static void stopTheLayout() throws InterruptedException {
		for (ChildJvmApp app : new ChildJvmApp[] { withWorker, apiOnly, worker }) {
			if (app != null) {
				app.kill();
			}
		}
		if (temporal != null) {
			temporal.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		if (standIns != null) {
			standIns.close();
		}
	}

	@Test
	@Order(1)
	void racingBookingsForOneSlotOverBothInstancesGiveOneCreated() throws Exception {
		List<Http> instances = List.of(http(withWorker), http(apiOnly));
		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Http.Response>> answers = new ArrayList<>();
			for (int n = 0; n < 20; n++) {
				Http instance = instances.get(n % 2);
				Map<String, Object> booking = booking("Race", n, DAY);
				answers.add(clients.submit(() -> {
					go.await();
					return instance.post("/api/bookings", booking);
				}));
			}
			go.countDown();
			List<Http.Response> responses = new ArrayList<>();
			for (Future<Http.Response> answer : answers) {
				responses.add(answer.get());
			}
			assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
			assertThat(responses).filteredOn(r -> r.status() != 201)
				.hasSize(19)
				.allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(409))
				.allSatisfy(r -> assertThat(r.problemType()).isEqualTo("slot-unavailable"));
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * Each instance caches its slot list; a booking on one drops the other's at once
	 * (PostgreSQL's LISTEN/NOTIFY), not when the cache expires.
	 */
	@Test
	@Order(2)
	void aSlotBookedOnOneInstanceLeavesTheOthersListingWithinASecond() {
		bookAndWatchTheOther(http(withWorker), http(apiOnly), DAY.plus(Duration.ofHours(2)));
		bookAndWatchTheOther(http(apiOnly), http(withWorker), DAY.plus(Duration.ofHours(3)));
	}

	@Test
	@Order(3)
	void aManageTokenIssuedByOneInstanceWorksOnTheOther() {
		Http.Response created = http(withWorker).post("/api/bookings",
				booking("Token", 0, DAY.plus(Duration.ofHours(5))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String path = "/api/bookings/" + created.json().path("id").asString();
		String token = created.json().path("manageToken").asString();

		Http other = http(apiOnly);
		Http.Response read = other.get(path, "X-Booking-Token", token);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().path("name").asString()).isEqualTo("Scale Token 0");
		Http.Response renamed = other.patch(path, Map.of("name", "Scale Token 0 Renamed"), "X-Booking-Token", token);
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(other.get(path, "X-Booking-Token", token + "x").status()).as("a wrong token").isEqualTo(404);

		assertThat(http(withWorker).get(path, "X-Booking-Token", token).json().path("name").asString())
			.isEqualTo("Scale Token 0 Renamed");
	}

	/**
	 * Both instances run the reconciler's schedule; one reconciles. A single reconciler
	 * waits an interval after each pass, so however loaded the machine, {@code passes}
	 * passes over both instances counted from a moment on end at least {@code passes - 1}
	 * intervals after it; two reconcilers would make them in about half that time. Load
	 * only makes passes later, which the generous wait allows.
	 */
	@Test
	@Order(4)
	void theReconcilerActsOncePerIntervalAcrossInstances() {
		int passes = 5;
		// Before the counters are read: every pass counted comes after it.
		long started = System.nanoTime();
		double[] before = { passes(withWorker), passes(apiOnly) };
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> passes(withWorker) + passes(apiOnly) >= before[0] + before[1] + passes);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		double[] made = { passes(withWorker) - before[0], passes(apiOnly) - before[1] };

		assertThat(took)
			.as("%d passes over both instances at one a %s (by each: %s)", passes, RECONCILE, Arrays.toString(made))
			.isGreaterThanOrEqualTo(RECONCILE.multipliedBy(passes - 1));
		assertThat(made).as("passes of each instance meanwhile: one leads").containsOnlyOnce(0.0);
	}

	/**
	 * 60 bookings over both instances, the instance that runs a worker killed while their
	 * syncs are in flight: the worker jar finishes them, the other instance's reconciler
	 * (the lead passing to it if the killed one held it) sends what the killed one never
	 * did, and Google and HubSpot hold exactly one event, contact and meeting per
	 * booking.
	 */
	@Test
	@Order(5)
	void sixtyBookingsSyncOnceWhenTheInstanceRunningAWorkerIsKilled() throws Exception {
		List<Http> instances = List.of(http(withWorker), http(apiOnly));
		int writtenBefore = standIns.written();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<Http.Response>> answers = new ArrayList<>();
			for (int n = 0; n < 60; n++) {
				Http instance = instances.get(n % 2);
				Map<String, Object> booking = booking("Sync", n, DAY.plus(Duration.ofHours(24 + n)));
				answers.add(clients.submit(() -> instance.post("/api/bookings", booking)));
			}
			for (Future<Http.Response> answer : answers) {
				assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
			}
		}
		finally {
			clients.shutdownNow();
		}
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> standIns.written() > writtenBefore);
		withWorker.kill();
		assertThat(standIns.written() - writtenBefore).as("syncs were in flight at the kill").isLessThan(2 * 60);

		Http other = http(apiOnly);
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(other.get("/api/admin/bookings?size=200", "X-Api-Key", ADMIN_KEY)
				.json()
				.path("bookings")
				.valueStream()).as("bookings not yet synced")
				.filteredOn(b -> !b.path("calendarSynced").asBoolean() || !b.path("crmSynced").asBoolean())
				.map(b -> b.path("name").asString())
				.isEmpty());
		assertThat(other.get("/api/admin/bookings?size=200", "X-Api-Key", ADMIN_KEY).json().path("bookings").size())
			.as("the race's one, the listings' two, the token's one and the 60")
			.isEqualTo(64);
		assertThat(standIns.mismatches(other, ADMIN_KEY)).isEmpty();
	}

	@Test
	@Order(6)
	void theWorkersReadinessGoesDownWithTemporal() {
		Http actuator = http(worker);
		assertThat(actuator.get("/actuator/health/readiness").status()).as("ready while Temporal runs").isEqualTo(200);

		temporal.close();
		temporal = null;

		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Http.Response readiness = actuator.get("/actuator/health/readiness");
			assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
			assertThat(readiness.json().path("components").path("temporal").path("status").asString())
				.isEqualTo("DOWN");
		});
	}

	private static void bookAndWatchTheOther(Http on, Http other, Instant start) {
		LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
		String listing = "/api/bookings/available-slots?startDate=" + day + "&endDate=" + day;
		assertThat(starts(other.get(listing))).as("cached on the other instance").contains(start.toString());

		Http.Response created = on.post("/api/bookings", booking("Listing", start.getEpochSecond(), start));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !starts(other.get(listing)).contains(start.toString()));
	}

	private static List<String> starts(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("slots").valueStream().map(slot -> slot.path("start").asString()).toList();
	}

	private static Map<String, Object> booking(String what, long n, Instant start) {
		return Map.of("name", "Scale " + what + " " + n, "email",
				"scale-" + what.toLowerCase() + "-" + n + "@example.com", "startTime", start.toString());
	}

	/**
	 * {@code booking_sync_reconciler_passes_total} on the instance's Prometheus endpoint.
	 */
	private static double passes(ChildJvmApp app) {
		List<String> lines = http(app).get("/actuator/prometheus", "X-Api-Key", ADMIN_KEY)
			.body()
			.lines()
			.filter(line -> line.startsWith("booking_sync_reconciler_passes_total"))
			.toList();
		assertThat(lines).as("the reconciler's counter on port " + app.port()).isNotEmpty();
		return lines.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
	}

	private static Http http(ChildJvmApp app) {
		return new Http(app.port());
	}

	/**
	 * The worker module's classes and run-time dependencies, as its build wrote them: not
	 * the tests' class path, which holds the API. The full build compiles the worker
	 * beside the API (no dependency orders them, so neither waits for the other's tests):
	 * its classes appear within seconds of the API's compilation, waited for here.
	 */
	private static String workerClassPath() {
		Path module = Path.of("..", "worker").toAbsolutePath().normalize();
		Path dependencies = module.resolve("target/runtime-classpath.txt");
		Path main = module.resolve("target/classes/com/acme/booking/BookingWorkerApplication.class");
		try {
			await().atMost(Duration.ofMinutes(3)).until(() -> Files.isRegularFile(main));
			return module.resolve("target/classes") + File.pathSeparator + Files.readString(dependencies).trim();
		}
		catch (ConditionTimeoutException | IOException ex) {
			throw new IllegalStateException(
					"No worker build in " + module + ": build it with the API (./mvnw test, or -pl api,worker -am)",
					ex);
		}
	}

	private static Path log(String name) throws IOException {
		Path log = LOGS.resolve(name + ".log");
		Files.deleteIfExists(log);
		return log;
	}

	/**
	 * What {@code start} started, or null when it failed (whatever else started is kept,
	 * to be stopped after the class).
	 */
	private static <T> T started(Future<T> start, List<Throwable> failures) throws InterruptedException {
		try {
			return start.get();
		}
		catch (ExecutionException ex) {
			failures.add(ex.getCause());
			return null;
		}
	}

	private static void failIfAny(List<Throwable> failures) {
		if (!failures.isEmpty()) {
			AssertionError failed = new AssertionError("The layout did not start; see " + LOGS, failures.get(0));
			failures.stream().skip(1).forEach(failed::addSuppressed);
			throw failed;
		}
	}

}
