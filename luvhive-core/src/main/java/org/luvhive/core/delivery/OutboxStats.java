package org.luvhive.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.internal.DeliveryDao;

/**
 * The outbox's figures for operators and alerts: queue depth, age of the oldest waiting
 * row, parked rows. Read-only; thread-safe.
 */
public final class OutboxStats {

    /** The gauges a running bot shows these figures as (also read by the alerts). */
    public static final String DEPTH = "luvhive.outbox.depth";
    public static final String OLDEST_AGE = "luvhive.outbox.oldest.age";
    public static final String PARKED = "luvhive.outbox.parked";

    private final Jdbi jdbi;
    private final Clock clock;

    public OutboxStats(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * @param depth  rows queued or being sent
     * @param oldest how long the oldest of them has waited (zero when none)
     * @param parked rows that will not be sent (refused, out of retries)
     */
    public record Snapshot(long depth, Duration oldest, long parked) {
    }

    public Snapshot snapshot() {
        return jdbi.withExtension(DeliveryDao.class, dao -> {
            Instant oldest = dao.oldestWaiting();
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
            return new Snapshot(dao.depth(), age.isNegative() ? Duration.ZERO : age, dao.parkedCount());
        });
    }
}
