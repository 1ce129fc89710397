package com.acme.booking.startup;

import java.util.ArrayList;
import java.util.List;

import com.acme.booking.calendar.CalendarProperties;
import com.acme.booking.config.EmbeddedProperties;
import com.acme.booking.config.StartedTemporalServer;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.core.Durability;
import com.acme.booking.crm.CrmProperties;
import com.acme.booking.security.AdminKey;
import com.acme.booking.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Prints what the service runs on and with which rules, once it is ready. Never prints a
 * secret.
 */
@Component
public class StartupSummary {

	private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

	private final Environment env;

	private final BookingRulesProperties rules;

	private final SyncProperties sync;

	private final CalendarProperties calendar;

	private final CrmProperties crm;

	private final EmbeddedProperties embedded;

	private final AdminKey adminKey;

	private final Durability durability;

	private final StartedTemporalServer devServer;

	StartupSummary(Environment env, BookingRulesProperties rules, SyncProperties sync, CalendarProperties calendar,
			CrmProperties crm, EmbeddedProperties embedded, AdminKey adminKey, Durability durability,
			ObjectProvider<StartedTemporalServer> devServer) {
		this.durability = durability;
		this.devServer = devServer.getIfAvailable();
		this.env = env;
		this.rules = rules;
		this.sync = sync;
		this.calendar = calendar;
		this.crm = crm;
		this.embedded = embedded;
		this.adminKey = adminKey;
	}

	@EventListener(ApplicationReadyEvent.class)
	void print() {
		log.info("Booking service configuration:\n  {}", String.join("\n  ", lines()));
	}

	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("HTTP port:        " + port());
		String url = env.getProperty("spring.datasource.url");
		lines.add("PostgreSQL:       " + (StringUtils.hasText(url) ? withoutCredentials(url)
				: "embedded, data in " + embedded.dataDir().resolve("postgres").toAbsolutePath().normalize()));
		lines.add("Durability:       " + durability + (durability.durable() ? "" : " (a crash can lose bookings)"));
		lines.add("Temporal:         " + temporalServer() + ", namespace "
				+ env.getProperty("spring.temporal.namespace", "default") + ", task queue booking-sync"
				+ (env.getProperty("booking.worker.enabled", Boolean.class, true) ? ""
						: " (no worker here: booking.worker.enabled=false)"));
		if (devServer != null) {
			lines.add("Temporal Web UI:  " + devServer.uiUrl());
		}
		lines.add("Time zone:        " + rules.timeZone());
		lines.add("Business hours:   " + (rules.businessHours() == null || rules.businessHours().isEmpty()
				? "MONDAY-FRIDAY 09:00-17:00" : rules.businessHours()));
		lines.add("Slots:            step " + Durations.format(rules.slotStep()) + ", default "
				+ Durations.format(rules.defaultDuration()) + ", buffer " + Durations.format(rules.buffer())
				+ ", notice " + Durations.format(rules.minNotice()) + ", advance "
				+ Durations.format(rules.maxAdvance()));
		lines.add("Frequency limit:  " + rules.frequency().maxBookings() + " per email per "
				+ Durations.format(rules.frequency().window()));
		lines.add("Sync retries:     " + sync.retry().maximumAttempts() + " attempts, "
				+ Durations.format(sync.retry().initialInterval()) + " to "
				+ Durations.format(sync.retry().maximumInterval()) + " x" + sync.retry().backoffCoefficient());
		lines.add("Google Calendar:  " + (calendar.enabled()
				? "enabled, calendar " + calendar.calendarId() + " at " + calendar.rootUrl() : "disabled"));
		lines.add("HubSpot CRM:      "
				+ (crm.enabled() ? "enabled, " + crm.hubspot().baseUrl() + " (token set)" : "disabled"));
		lines.add("Rate limit:       " + (env.getProperty("booking.rate-limit.enabled", Boolean.class, true)
				? env.getProperty("booking.rate-limit.requests-per-minute", "60") + " requests/minute per client"
				: "off"));
		lines.add("Email:            "
				+ (env.getProperty("booking.mail.enabled", Boolean.class, false)
						? "SMTP " + env.getProperty("spring.mail.host") + ":"
								+ env.getProperty("spring.mail.port", "25")
						: "not sent, recorded for /api/admin/bookings/{id}/messages")
				+ ", reminder " + env.getProperty("booking.mail.reminder-before", "24h") + " before");
		lines.add("Admin API:        "
				+ (adminKey.configured() ? "key configured" : "no key: admin endpoints answer 401"));
		String base = "http://localhost:" + port();
		lines.add("Booking page:     " + base + "/");
		lines.add("Swagger UI:       " + base + "/swagger-ui.html (OpenAPI at " + base + "/v3/api-docs)");
		lines.add("Health:           " + base + "/api/health");
		return lines;
	}

	private String temporalServer() {
		if (devServer != null) {
			return devServer.description();
		}
		if (env.getProperty("spring.temporal.test-server.enabled", Boolean.class, false)) {
			return "in-process server (no Web UI, nothing kept across restarts)";
		}
		return env.getProperty("spring.temporal.connection.target");
	}

	private String port() {
		return env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
	}

	private static String withoutCredentials(String url) {
		return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***").replaceAll("//[^/@]*@", "//***@");
	}

}
