package org.luvhive.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.delivery.OutboxRetention;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.update.InboxRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the pipeline no longer needs, on two schedules.
 * <ul>
 * <li>{@link #deleteExpired()} (hourly): handled updates after {@code keepHandled} (long
 * enough to recognise a redelivery), dead letters after {@code keepDead}, sent and
 * cancelled outbox rows, idle rate-limit buckets; counted in {@value #DELETED}{@code {what}}.
 * <li>{@link #forgetActivity()} (every 15 minutes), the runbook's "per-user activity data
 * older than 24 h is cleaned up": after {@code keepActivity} handled and skipped updates
 * no longer name their user and chat (the update_id stays for redelivery detection), and
 * sent and cancelled outbox rows (who was sent something when) go; counted in
 * {@value #CLEANED}{@code {what}}. Dead letters and parked messages stay for operators.
 * What other features keep per user (checkout refusals, relayed message ids, in-process
 * per-chat buckets) their own jobs clean.
 * </ul>
 * Deletions run in batches of {@value #BATCH} rows: short transactions, short locks.
 * Thread-safe.
 */
public final class PipelineRetention {

    public static final String DELETED = "luvhive.retention.deleted";
    public static final String CLEANED = "luvhive.activity.cleaned";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRetention.class);
    private static final int BATCH = 1_000;

    /**
     * How long the pipeline keeps what.
     *
     * @param keepHandled  handled updates (redelivery detection) and finished outbox rows
     * @param keepDead     dead letters, payload and all
     * @param keepActivity who did what when, in handled updates and sent messages
     */
    public record Periods(Duration keepHandled, Duration keepDead, Duration keepActivity) {

        public static Periods defaults() {
            return new Periods(Duration.ofDays(3), Duration.ofDays(14), Duration.ofHours(24));
        }
    }

    private final InboxRetention inbox;
    private final OutboxRetention outbox;
    private final PostgresRateLimiter buckets;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Periods periods;

    public PipelineRetention(Jdbi jdbi, PostgresRateLimiter buckets, Clock clock, MeterRegistry registry,
                             Periods periods) {
        this.inbox = new InboxRetention(jdbi);
        this.outbox = new OutboxRetention(jdbi);
        this.buckets = buckets;
        this.clock = clock;
        this.registry = registry;
        this.periods = periods;
        registry.counter(CLEANED, "what", "inbox_user_ids");
        registry.counter(CLEANED, "what", "outbox_sent");
    }

    /** The two jobs to schedule: "retention" (hourly) and "activity-cleanup" (every 15 minutes). */
    public List<Maintenance> jobs() {
        return List.of(
                new Maintenance("retention", Duration.ofHours(1), this::deleteExpired),
                new Maintenance("activity-cleanup", Duration.ofMinutes(15), this::forgetActivity));
    }

    /** Deletes handled and dead updates, finished outbox rows and idle buckets past their time. */
    public void deleteExpired() {
        Instant now = clock.instant();
        int handled = inbox.deleteFinished(now.minus(periods.keepHandled()));
        int dead = inbox.deleteDead(now.minus(periods.keepDead()));
        int sent = inBatches(() -> outbox.deleteFinished(now.minus(periods.keepHandled()), BATCH));
        int bucketRows = inBatches(() -> buckets.removeExpired(BATCH));
        count(DELETED, "inbox", handled);
        count(DELETED, "dead_letters", dead);
        count(DELETED, "outbox", sent);
        count(DELETED, "rate_buckets", bucketRows);
        if (handled + dead + sent + bucketRows > 0) {
            LOG.info("Retention removed {} handled updates, {} dead letters, {} finished outbox rows, {} idle buckets",
                    handled, dead, sent, bucketRows);
        }
    }

    /** Removes who did what when from handled updates and sent messages older than {@code keepActivity}. */
    public void forgetActivity() {
        Instant before = clock.instant().minus(periods.keepActivity());
        int updates = inBatches(() -> inbox.forgetUsers(before, BATCH));
        int sent = inBatches(() -> outbox.deleteFinished(before, BATCH));
        count(CLEANED, "inbox_user_ids", updates);
        count(CLEANED, "outbox_sent", sent);
        if (updates + sent > 0) {
            LOG.info("Activity cleanup: {} handled updates no longer name their user, {} sent messages deleted "
                    + "(older than {} h)", updates, sent, periods.keepActivity().toHours());
        }
    }

    private void count(String meter, String what, int deleted) {
        registry.counter(meter, "what", what).increment(deleted);
    }

    private static int inBatches(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done == BATCH);
        return total;
    }
}
