package org.luvhive.core.caches;

import java.util.Map;
import org.luvhive.core.config.ConfigException;

/**
 * How big each in-process cache may grow: {@value #KEY} entries (default
 * {@value #DEFAULT_MAX_ENTRIES}). Immutable.
 */
public record CacheSettings(long maxEntries) {

    /** The configuration key (environment or env file). */
    public static final String KEY = "CACHE_MAX_ENTRIES";
    public static final long DEFAULT_MAX_ENTRIES = 1_000;
    public static final long LARGEST = 10_000_000;

    public CacheSettings {
        if (maxEntries < 1 || maxEntries > LARGEST) {
            throw ConfigException.single(KEY, "must be a whole number from 1 to " + LARGEST);
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_MAX_ENTRIES);
    }

    /** From the configuration's feature keys ({@code LuvhiveConfig.features()}); absent or blank is the default. */
    public static CacheSettings from(Map<String, String> features) {
        String value = features.getOrDefault(KEY, "").strip();
        if (value.isEmpty()) {
            return defaults();
        }
        try {
            return new CacheSettings(Long.parseLong(value));
        } catch (NumberFormatException notANumber) {
            throw ConfigException.single(KEY, "must be a whole number from 1 to " + LARGEST);
        }
    }
}
