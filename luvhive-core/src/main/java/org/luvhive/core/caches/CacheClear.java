package org.luvhive.core.caches;

import java.time.Clock;
import java.time.Instant;
import org.luvhive.core.settings.OpsSettings;

/**
 * Asks every running bot to drop its caches, through the ops settings: writes
 * {@value CacheRegistry#CLEARED_AT}, which the bots follow (LISTEN/NOTIFY, within a
 * second). Safe at any time: caches only, never state. Thread-safe.
 */
public final class CacheClear {

    private final OpsSettings settings;
    private final Clock clock;

    public CacheClear(OpsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns the moment written. */
    public Instant request(String operator) {
        Instant now = clock.instant();
        settings.put(CacheRegistry.CLEARED_AT, now.toString(), operator);
        return now;
    }
}
