package org.luvhive.core.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.update.InboxRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the pipeline no longer needs, on a schedule: handled updates after
 * {@code keepHandled} (long enough to recognise a redelivery), dead letters after
 * {@code keepDead}, sent and cancelled outbox rows, idle rate-limit buckets. Each
 * deletion is counted in {@value #DELETED} by what. Thread-safe.
 */
public final class Retention implements Runnable {

    public static final String DELETED = "luvhive.retention.deleted";
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final InboxRetention inbox;
    private final OutboxStats outbox;
    private final PostgresRateLimiter buckets;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration keepHandled;
    private final Duration keepDead;

    public Retention(Jdbi jdbi, PostgresRateLimiter buckets, Clock clock, MeterRegistry registry, Duration keepHandled,
                     Duration keepDead) {
        this.inbox = new InboxRetention(jdbi);
        this.outbox = new OutboxStats(jdbi, clock);
        this.buckets = buckets;
        this.clock = clock;
        this.registry = registry;
        this.keepHandled = keepHandled;
        this.keepDead = keepDead;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        int handled = inbox.deleteFinished(now.minus(keepHandled));
        int dead = inbox.deleteDead(now.minus(keepDead));
        int sent = outbox.deleteFinished(now.minus(keepHandled));
        int bucketRows = 0;
        int removed;
        do {
            removed = buckets.removeExpired(500);
            bucketRows += removed;
        } while (removed == 500);
        count("inbox", handled);
        count("dead_letters", dead);
        count("outbox", sent);
        count("rate_buckets", bucketRows);
        if (handled + dead + sent + bucketRows > 0) {
            LOG.info("Retention removed {} handled updates, {} dead letters, {} finished outbox rows, {} idle buckets",
                    handled, dead, sent, bucketRows);
        }
    }

    private void count(String what, int deleted) {
        registry.counter(DELETED, "what", what).increment(deleted);
    }
}
