package org.luvhive.core.ops.alerts.internal;

import java.time.Instant;

/**
 * The registry's figures at one tick: cumulative counters (as totals since start), the
 * DB histogram, and the instant readings (gauges). Immutable.
 *
 * @param at         when it was taken (the evaluator's clock)
 * @param handled    updates handled or skipped, all kinds
 * @param failed     handler failures (retry or dead)
 * @param floodWaits FloodWait (429) answers from Telegram
 * @param db         the DB query histogram
 * @param oldestRunningMillis how long the oldest SQL statement still running has run; NaN without the gauge
 * @param queueDepth outbox rows queued or being sent; NaN when the gauge is not registered
 * @param heapRatio  heap used of max; NaN when unknown
 * @param cpu        process CPU share; NaN when unknown
 * @param quarantinedLastHour updates quarantined in the last hour; NaN when the gauge is not registered
 */
public record Sample(Instant at, double handled, double failed, double floodWaits, DbHistogram db,
                     double oldestRunningMillis, double queueDepth, double heapRatio, double cpu,
                     double quarantinedLastHour) {
}
