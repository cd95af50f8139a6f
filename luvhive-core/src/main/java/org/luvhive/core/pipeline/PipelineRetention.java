package org.luvhive.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.RetentionStep;
import org.luvhive.core.delivery.OutboxRetention;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.limits.TokenBuckets;
import org.luvhive.core.update.InboxRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the pipeline no longer needs, on two schedules, as {@link RetentionStep}s
 * ({@code luvhive db cleanup} counts and applies the same steps).
 * <ul>
 * <li>{@link #deleteExpired()} (hourly): handled updates after {@code keepHandled} (long
 * enough to recognise a redelivery), dead letters and quarantined updates after
 * {@code keepDead}, idle rate-limit buckets; counted in {@value #DELETED}{@code {what}}.
 * <li>{@link #forgetActivity()} (every 15 minutes), the runbook's "per-user activity data
 * older than 24 h is cleaned up": after {@code keepActivity} handled and skipped updates
 * no longer name their user and chat (the update_id stays for redelivery detection), and
 * sent and cancelled outbox rows (who was sent something when) go, or after
 * {@code keepHandled} if that is shorter; counted in {@value #CLEANED}{@code {what}}.
 * Dead letters and parked messages stay for operators. What other features keep per
 * user (checkout refusals, relayed message ids, in-process per-chat buckets) their own
 * jobs clean.
 * </ul>
 * Deletions run in batches of {@value RetentionStep#BATCH} rows: short transactions, short locks.
 * Thread-safe.
 */
public final class PipelineRetention {

    public static final String DELETED = "luvhive.retention.deleted";
    public static final String CLEANED = "luvhive.activity.cleaned";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRetention.class);

    /**
     * How long the pipeline keeps what.
     *
     * @param keepHandled  handled updates (redelivery detection) and finished outbox rows
     * @param keepDead     dead letters and quarantined updates, payload and all
     * @param keepActivity who did what when, in handled updates and sent messages
     */
    public record Periods(Duration keepHandled, Duration keepDead, Duration keepActivity) {

        public static Periods defaults() {
            return new Periods(Duration.ofDays(3), Duration.ofDays(14), Duration.ofHours(24));
        }
    }

    private final Clock clock;
    private final MeterRegistry registry;
    private final List<RetentionStep> expired;
    private final List<RetentionStep> activity;

    public PipelineRetention(Jdbi jdbi, PostgresRateLimiter buckets, Clock clock, MeterRegistry registry,
                             Periods periods) {
        this.clock = clock;
        this.registry = registry;
        InboxRetention inbox = new InboxRetention(jdbi);
        OutboxRetention outbox = new OutboxRetention(jdbi);
        Duration keepHandled = periods.keepHandled();
        Duration keepDead = periods.keepDead();
        Duration keepActivity = periods.keepActivity();
        Duration keepSent = keepActivity.compareTo(keepHandled) < 0 ? keepActivity : keepHandled;
        this.expired = List.of(
                new RetentionStep("inbox", "handled and skipped updates received more than "
                        + RetentionStep.age(keepHandled) + " ago",
                        now -> inbox.countFinished(now.minus(keepHandled)),
                        (now, limit) -> inbox.deleteFinished(now.minus(keepHandled), limit)),
                new RetentionStep("dead_letters", "dead letters received more than " + RetentionStep.age(keepDead)
                        + " ago", now -> inbox.countDead(now.minus(keepDead)),
                        (now, limit) -> inbox.deleteDead(now.minus(keepDead), limit)),
                new RetentionStep("quarantined_updates", "quarantined updates received more than "
                        + RetentionStep.age(keepDead) + " ago", now -> inbox.countQuarantined(now.minus(keepDead)),
                        (now, limit) -> inbox.deleteQuarantined(now.minus(keepDead), limit)),
                new RetentionStep("rate_buckets", "rate-limit buckets idle long enough to be full again",
                        now -> buckets.countExpired(), (now, limit) -> buckets.removeExpired(limit)),
                new RetentionStep("token_buckets", "inbound buckets full again (a full bucket needs no row)",
                        now -> TokenBuckets.countFull(jdbi, now), (now, limit) -> TokenBuckets.removeFull(jdbi, now, limit)));
        this.activity = List.of(
                // counted after the deletion above (it runs first): it strips only what that leaves
                new RetentionStep("inbox_user_ids", "user and chat ids of handled updates older than "
                        + RetentionStep.age(keepActivity) + " (the update_id stays)",
                        now -> inbox.countNamed(now.minus(keepHandled), now.minus(keepActivity)),
                        (now, limit) -> inbox.forgetUsers(now.minus(keepActivity), limit)),
                new RetentionStep("outbox_sent", "sent and cancelled messages older than " + RetentionStep.age(keepSent),
                        now -> outbox.countFinished(now.minus(keepSent)),
                        (now, limit) -> outbox.deleteFinished(now.minus(keepSent), limit)));
        expired.forEach(step -> registry.counter(DELETED, "what", step.name()));
        activity.forEach(step -> registry.counter(CLEANED, "what", step.name()));
    }

    /** The two jobs to schedule: "retention" (hourly) and "activity-cleanup" (every 15 minutes). */
    public List<Maintenance> jobs() {
        return List.of(
                new Maintenance("retention", Duration.ofHours(1), this::deleteExpired),
                new Maintenance("activity-cleanup", Duration.ofMinutes(15), this::forgetActivity));
    }

    /** Every step of both jobs, in the order they run. */
    public List<RetentionStep> steps() {
        List<RetentionStep> steps = new ArrayList<>(expired);
        steps.addAll(activity);
        return List.copyOf(steps);
    }

    /** Deletes handled and dead updates and idle buckets past their time. */
    public void deleteExpired() {
        run(DELETED, "Retention removed", expired);
    }

    /** Removes who did what when from handled updates and sent messages past {@code keepActivity}. */
    public void forgetActivity() {
        run(CLEANED, "Activity cleanup removed", activity);
    }

    private void run(String meter, String title, List<RetentionStep> steps) {
        Instant now = clock.instant();
        List<String> done = new ArrayList<>();
        for (RetentionStep step : steps) {
            long removed = step.apply(now, RetentionStep.BATCH);
            registry.counter(meter, "what", step.name()).increment(removed);
            if (removed > 0) {
                done.add(removed + " " + step.description());
            }
        }
        if (!done.isEmpty()) {
            LOG.info("{}: {}", title, String.join("; ", done));
        }
    }
}
