package org.luvhive.core.dbops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.db.PoolFigures;

/**
 * One bot instance's connection pool as it last reported it.
 *
 * @param instance        the instance ({@code host:pid})
 * @param applicationName what its pool's sessions are called in {@code pg_stat_activity}
 * @param figures         active, idle, waiting threads, maximum
 * @param fullSince       since when every connection has been lent out, if they are
 * @param resetApplied    the latest {@code luvhive db pool reset} it carried out (the moment asked for)
 * @param updatedAt       when it reported
 */
public record PoolState(String instance, String applicationName, PoolFigures figures, Optional<Instant> fullSince,
                        Optional<Instant> resetApplied, Instant updatedAt) {

    /** An instance silent this long is gone or cannot reach the database. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(1);

    public boolean stale(Instant now) {
        return Duration.between(updatedAt, now).compareTo(STALE_AFTER) > 0;
    }

    /** Every connection is lent out and threads wait for one: the instance is starved of connections. */
    public boolean exhausted() {
        return figures.full() && figures.waiting() > 0;
    }
}
