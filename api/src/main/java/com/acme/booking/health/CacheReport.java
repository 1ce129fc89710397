package com.acme.booking.health;

import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The {@code caches} part of {@code /api/health}, read from the same meters
 * {@code /actuator/prometheus} exports ({@code cache.size}, {@code cache.gets},
 * {@code cache.evictions}), so both always agree.
 */
@Component
class CacheReport {

	private final MeterRegistry registry;

	CacheReport(MeterRegistry registry) {
		this.registry = registry;
	}

	Map<String, Object> caches() {
		Map<String, Object> caches = new TreeMap<>();
		for (Gauge size : registry.find("cache.size").gauges()) {
			String name = size.getId().getTag("cache");
			long hits = count("cache.gets", name, "hit");
			long misses = count("cache.gets", name, "miss");
			double hitRate = hits + misses == 0 ? 1.0 : Math.round(1000.0 * hits / (hits + misses)) / 1000.0;
			caches.put(name, Map.of("size", (long) size.value(), "hits", hits, "misses", misses, "hitRate", hitRate,
					"evictions", count("cache.evictions", name, null)));
		}
		return caches;
	}

	private long count(String meter, String cache, String result) {
		var search = registry.find(meter).tag("cache", cache);
		FunctionCounter counter = (result == null ? search : search.tag("result", result)).functionCounter();
		return counter == null ? 0 : (long) counter.count();
	}

}
