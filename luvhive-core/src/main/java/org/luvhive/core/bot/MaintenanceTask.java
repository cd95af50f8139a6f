package org.luvhive.core.bot;

import java.time.Duration;
import java.util.Objects;

/**
 * Work the bot wants run every {@code every}: each run is self-contained (its own
 * transactions) and safe to run on every instance at once. Immutable.
 *
 * @param name  for logs and metrics, e.g. {@code match-sweep}
 * @param every the period between runs
 * @param task  one run; throws only on unexpected failures, which the scheduler logs
 */
public record MaintenanceTask(String name, Duration every, Runnable task) {

    public MaintenanceTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a maintenance task needs a positive period: " + name);
        }
    }
}
