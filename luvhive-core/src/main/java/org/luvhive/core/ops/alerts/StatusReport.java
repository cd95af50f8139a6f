package org.luvhive.core.ops.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.update.InboxStats;

/**
 * What {@code luvhive status} shows: every instance's alerts as stored (an instance
 * silent for {@link #STALE_AFTER} is stale: it is gone or cannot reach the database),
 * and the queue figures read from the database directly, so the report is useful with
 * no bot running. Immutable.
 *
 * @param at        when it was read
 * @param instances one entry per instance that has reported, by name
 * @param queues    the queues as the database holds them now
 */
public record StatusReport(Instant at, List<InstanceAlerts> instances, Queues queues) {

    public static final Duration STALE_AFTER = Duration.ofMinutes(1);

    /**
     * @param instance  the bot instance
     * @param reportedAt its latest evaluation
     * @param stale     true when that is older than {@link #STALE_AFTER}
     * @param alerts    its alerts
     */
    public record InstanceAlerts(String instance, Instant reportedAt, boolean stale, List<AlertStatus> alerts) {

        public boolean firing() {
            return alerts.stream().anyMatch(alert -> alert.state() == AlertState.FIRING);
        }
    }

    /**
     * @param outboxDepth  outbox rows queued or being sent
     * @param outboxOldest how long the oldest of them has waited
     * @param outboxParked outbox rows that will not be sent
     * @param inboxWaiting updates stored and not yet handled
     */
    public record Queues(long outboxDepth, Duration outboxOldest, long outboxParked, long inboxWaiting) {
    }

    public StatusReport {
        instances = List.copyOf(instances);
    }

    public static StatusReport read(Jdbi jdbi, Clock clock) {
        Instant now = clock.instant();
        Map<String, List<AlertStatus>> byInstance = new LinkedHashMap<>();
        for (AlertStatus status : new AlertStore(jdbi).all()) {
            byInstance.computeIfAbsent(status.instance(), ignored -> new ArrayList<>()).add(status);
        }
        List<InstanceAlerts> instances = new ArrayList<>();
        byInstance.forEach((instance, alerts) -> {
            Instant reported = alerts.stream().map(AlertStatus::updatedAt).max(Instant::compareTo).orElseThrow();
            instances.add(new InstanceAlerts(instance, reported,
                    Duration.between(reported, now).compareTo(STALE_AFTER) > 0, List.copyOf(alerts)));
        });
        OutboxStats.Snapshot outbox = new OutboxStats(jdbi, clock).snapshot();
        Queues queues = new Queues(outbox.depth(), outbox.oldest(), outbox.parked(), new InboxStats(jdbi).waiting());
        return new StatusReport(now, instances, queues);
    }

    /** Some instance that still reports has an alert firing. */
    public boolean anyFiring() {
        return instances.stream().anyMatch(instance -> !instance.stale() && instance.firing());
    }

    /** Some instance reported within {@link #STALE_AFTER}. */
    public boolean anyRunning() {
        return instances.stream().anyMatch(instance -> !instance.stale());
    }
}
