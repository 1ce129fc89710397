package com.acme.booking.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.booking.sync.CacheStatistics;
import com.acme.booking.sync.HealthReport;
import com.acme.booking.sync.IntegrationHealth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health for load balancers and operators. Overall {@code DOWN} (503) when PostgreSQL or Temporal is down, since no
 * booking can be taken then; {@code DEGRADED} (200) when only Google or HubSpot is down, since bookings are still
 * taken and synced later.
 */
@RestController
@RequestMapping("/api/health")
class HealthController {

	private final List<IntegrationHealth> integrations;

	private final CoreHealth core;

	private final List<CacheStatistics> caches;

	HealthController(List<IntegrationHealth> integrations, CoreHealth core, List<CacheStatistics> caches) {
		this.integrations = integrations;
		this.core = core;
		this.caches = caches;
	}

	@GetMapping
	ResponseEntity<Map<String, Object>> overall() {
		Map<String, Object> body = new LinkedHashMap<>();
		HealthReport database = core.database();
		HealthReport temporal = core.temporal();
		boolean degraded = false;
		Map<String, HealthReport> parts = new LinkedHashMap<>();
		for (IntegrationHealth integration : integrations) {
			HealthReport report = integration.check();
			degraded |= report.down();
			parts.put(integration.name(), report);
		}
		boolean down = database.down() || temporal.down();
		body.put("status", down ? "DOWN" : degraded ? "DEGRADED" : "UP");
		body.putAll(parts);
		body.put("database", database);
		body.put("temporal", temporal);
		Map<String, Object> cacheStats = new java.util.TreeMap<>();
		caches.forEach(owner -> owner.caches().forEach((name, cache) -> cacheStats.put(name, CacheStatistics.describe(cache))));
		body.put("caches", cacheStats);
		return ResponseEntity.status(down ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
	}

	@GetMapping("/calendar")
	ResponseEntity<HealthReport> calendar() {
		return one("calendar");
	}

	@GetMapping("/crm")
	ResponseEntity<HealthReport> crm() {
		return one("crm");
	}

	private ResponseEntity<HealthReport> one(String name) {
		HealthReport report = integrations.stream()
			.filter(integration -> integration.name().equals(name))
			.findFirst()
			.map(IntegrationHealth::check)
			.orElseGet(HealthReport::disabled);
		return ResponseEntity.status(report.down() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(report);
	}

}
