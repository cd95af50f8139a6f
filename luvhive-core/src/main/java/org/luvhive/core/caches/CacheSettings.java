package org.luvhive.core.caches;

import org.luvhive.core.config.LuvhiveConfig;

/**
 * How big each in-process cache may grow: {@code CACHE_MAX_ENTRIES} entries (checked by
 * the configuration loader, default {@value LuvhiveConfig#DEFAULT_CACHE_MAX_ENTRIES}).
 * Immutable.
 */
public record CacheSettings(long maxEntries) {

    public CacheSettings {
        if (maxEntries < 1 || maxEntries > LuvhiveConfig.MAX_CACHE_MAX_ENTRIES) {
            throw new IllegalArgumentException("a cache holds 1 to " + LuvhiveConfig.MAX_CACHE_MAX_ENTRIES
                    + " entries, not " + maxEntries);
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(LuvhiveConfig.DEFAULT_CACHE_MAX_ENTRIES);
    }

    public static CacheSettings of(LuvhiveConfig config) {
        return new CacheSettings(config.cacheMaxEntries());
    }
}
