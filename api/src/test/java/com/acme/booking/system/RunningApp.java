package com.acme.booking.system;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.booking.BookingApiApplication;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.laptop.temporal.EmbeddedDefaults;
import com.acme.booking.support.Slots;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The real booking service started in the test's JVM on a given data folder, as
 * {@code main} would start it.
 */
public final class RunningApp implements AutoCloseable {

	static final String ADMIN_KEY = "system-test-admin-key";

	/** What the sync bookkeeping of one booking says. */
	record SyncRow(UUID id, long revision, long calendarSyncedRevision, long crmSyncedRevision,
			long mailSyncedRevision) {

		/**
		 * Calendar, CRM and the customer's email have all handled the current revision.
		 */
		boolean caughtUp() {
			return calendarSyncedRevision == revision && crmSyncedRevision == revision
					&& mailSyncedRevision == revision;
		}

	}

	private final ConfigurableApplicationContext context;

	private final RestClient http;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.http = RestClient.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	public static RunningApp start(Path dataDir, String... extraProperties) {
		List<String> args = new ArrayList<>(
				List.of("--booking.embedded.data-dir=" + dataDir, "--booking.embedded.synchronous-commit=off",
						"--booking.embedded.fsync=off", "--server.port=0", "--booking.rate-limit.enabled=false"));
		for (String property : extraProperties) {
			args.add("--" + property);
		}
		if (args.stream().noneMatch(arg -> arg.startsWith("--booking.temporal.mode="))) {
			// The restart tests of the in-process server: it forgets every workflow when
			// the service stops.
			args.add("--booking.temporal.mode=in-process");
		}
		// Command-line arguments, not default properties: those would lose to
		// application.yml.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BookingApiApplication.class)
			.listeners(new EmbeddedDefaults())
			.run(args.toArray(String[]::new));
		return new RunningApp(context);
	}

	/** Books {@link #slot(int) slot(n)} for the {@code n}-th customer. */
	Map<String, Object> book(int n) {
		return book(n, slot(n));
	}

	/** Books {@code start} for the {@code n}-th customer. */
	@SuppressWarnings("unchecked")
	Map<String, Object> book(int n, OffsetDateTime start) {
		Map<String, Object> request = Map.of("name", "Customer " + n, "email", "customer" + n + "@example.com",
				"startTime", start.toString());
		return http.post()
			.uri("/api/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(Map.class);
	}

	void rename(Map<String, Object> booking, String name) {
		http.patch()
			.uri("/api/bookings/{id}", booking.get("id"))
			.header("X-Booking-Token", (String) booking.get("manageToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name))
			.retrieve()
			.toBodilessEntity();
	}

	void reschedule(Map<String, Object> booking, OffsetDateTime start) {
		http.patch()
			.uri("/api/bookings/{id}", booking.get("id"))
			.header("X-Booking-Token", (String) booking.get("manageToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("startTime", start.toString()))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * The booking as the admin API shows it; needs
	 * {@code booking.admin.api-key=}{@link #ADMIN_KEY}.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> adminView(Object id) {
		return http.get().uri("/api/bookings/{id}", id).header("X-Api-Key", ADMIN_KEY).retrieve().body(Map.class);
	}

	/** What an operator's "retry" in the admin API does. */
	void retrySync(Object id) {
		http.post()
			.uri("/api/admin/bookings/{id}/sync", id)
			.header("X-Api-Key", ADMIN_KEY)
			.retrieve()
			.toBodilessEntity();
	}

	void cancel(Map<String, Object> booking) {
		http.delete()
			.uri("/api/bookings/{id}", booking.get("id"))
			.header("X-Booking-Token", (String) booking.get("manageToken"))
			.retrieve()
			.toBodilessEntity();
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public BookingRepository bookings() {
		return context.getBean(BookingRepository.class);
	}

	List<SyncRow> syncRows() {
		return context.getBean(JdbcClient.class)
			.sql("""
					SELECT b.id, b.revision,
					       COALESCE(max(s.synced_revision) FILTER (WHERE s.integration = 'CALENDAR'), 0),
					       COALESCE(max(s.synced_revision) FILTER (WHERE s.integration = 'CRM'), 0),
					       COALESCE(max(s.synced_revision) FILTER (WHERE s.integration = 'MAIL'), 0)
					FROM booking b LEFT JOIN booking_sync s ON s.booking_id = b.id
					GROUP BY b.id, b.revision""")
			.query((rs, row) -> new SyncRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}

	/**
	 * The {@code n}-th hour from 10:00 London time on the calling test class's first day
	 * of its own ({@link Slots#day}): a valid slot under the current rules and the
	 * stricter ones to come (weekdays 09:00-17:00 London, 30-minute grid, 2 hours'
	 * notice, 90 days' advance) for {@code n} up to 6.
	 */
	static OffsetDateTime slot(int n) {
		return slot(n, 0);
	}

	/** As {@link #slot(int)}, on the calling test class's {@code day}-th day. */
	static OffsetDateTime slot(int n, int day) {
		return Slots.at(Slots.day(day), LocalTime.of(10, 0).plusHours(n)).atZone(Slots.LONDON).toOffsetDateTime();
	}

	@Override
	public void close() {
		context.close();
	}

}
