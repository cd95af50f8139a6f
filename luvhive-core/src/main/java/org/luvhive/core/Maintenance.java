package org.luvhive.core;

import java.time.Duration;

/**
 * A periodic job, as the runner schedules it: run every {@code every} on one thread.
 * Features, the delivery pipeline and the ops layer each hand theirs to the composition
 * root. Immutable.
 *
 * @param name  for logs and metrics ({@code luvhive.maintenance.runs{job}})
 * @param every how often
 * @param task  the work; exceptions are logged and counted, the schedule goes on
 */
public record Maintenance(String name, Duration every, Runnable task) {
}
