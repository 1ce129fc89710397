package com.acme.booking.health;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.booking.probe.ProbedHealthIndicator;
import com.acme.booking.security.AdminKey;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health in the shape of the contract, built from Actuator's indicators. Overall
 * {@code DOWN} (503) when PostgreSQL or Temporal is down, since no booking can be taken
 * then; {@code DEGRADED} (200) when only Google or HubSpot is, since bookings are still
 * taken and synced later. Google and HubSpot are served from the last background probe,
 * so polling this never calls them; their error text (it can quote the outside system)
 * only goes to the admin key.
 */
@RestController
@RequestMapping("/api/health")
class HealthController {

	private static final Status DEGRADED = new Status("DEGRADED");

	private final HealthContributorRegistry indicators;

	private final CacheReport caches;

	HealthController(HealthContributorRegistry indicators, CacheReport caches) {
		this.indicators = indicators;
		this.caches = caches;
	}

	@GetMapping
	ResponseEntity<Map<String, Object>> overall(HttpServletRequest request) {
		boolean operator = request.isUserInRole(AdminKey.ROLE);
		Map<String, Object> calendar = part("calendar", operator);
		Map<String, Object> crm = part("crm", operator);
		Map<String, Object> database = part("db", operator);
		Map<String, Object> temporal = part("temporal", operator);
		boolean down = !isUp(database) || !isUp(temporal);
		boolean degraded = isDown(calendar) || isDown(crm);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", (down ? Status.DOWN : degraded ? DEGRADED : Status.UP).getCode());
		body.put("calendar", calendar);
		body.put("crm", crm);
		body.put("database", database);
		body.put("temporal", temporal);
		body.put("caches", caches.caches());
		return ResponseEntity.status(down ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
	}

	@GetMapping("/calendar")
	ResponseEntity<Map<String, Object>> calendar(HttpServletRequest request) {
		return one("calendar", request);
	}

	@GetMapping("/crm")
	ResponseEntity<Map<String, Object>> crm(HttpServletRequest request) {
		return one("crm", request);
	}

	private ResponseEntity<Map<String, Object>> one(String name, HttpServletRequest request) {
		Map<String, Object> part = part(name, request.isUserInRole(AdminKey.ROLE));
		return ResponseEntity.status(isDown(part) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(part);
	}

	/**
	 * {@code status}, {@code responseTimeMs}, then the indicator's details; {@code error}
	 * for operators only.
	 */
	private Map<String, Object> part(String name, boolean operator) {
		long started = System.nanoTime();
		Health health = indicators.getContributor(name) instanceof HealthIndicator indicator ? indicator.health()
				: Health.status(ProbedHealthIndicator.DISABLED).build();
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("status", health.getStatus().getCode());
		part.put("responseTimeMs", elapsed);
		health.getDetails().forEach((detail, value) -> {
			if (operator || !ProbedHealthIndicator.ERROR.equals(detail)) {
				part.put(detail, value);
			}
		});
		return part;
	}

	private static boolean isUp(Map<String, Object> part) {
		return Status.UP.getCode().equals(part.get("status"));
	}

	private static boolean isDown(Map<String, Object> part) {
		return Status.DOWN.getCode().equals(part.get("status"));
	}

}
