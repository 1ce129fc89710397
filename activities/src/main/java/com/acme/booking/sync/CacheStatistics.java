package com.acme.booking.sync;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;

/** Something that keeps Caffeine caches (recording stats); {@code /api/health} shows their hit rates and sizes. */
public interface CacheStatistics {

	/** The caches by a name an operator understands, e.g. {@code availability.slots}. */
	Map<String, Cache<?, ?>> caches();

	/** One cache's numbers, for the health endpoint. */
	static Map<String, Object> describe(Cache<?, ?> cache) {
		var stats = cache.stats();
		return Map.of("size", cache.estimatedSize(), "hits", stats.hitCount(), "misses", stats.missCount(),
				"hitRate", Math.round(stats.hitRate() * 1000) / 1000.0, "evictions", stats.evictionCount());
	}

}
