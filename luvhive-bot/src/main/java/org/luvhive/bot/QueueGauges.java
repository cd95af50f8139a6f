package org.luvhive.bot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.update.InboxStats;

/**
 * Queue figures as gauges, refreshed by a maintenance job rather than queried on every
 * scrape: outbox depth, age of its oldest waiting row, parked rows, inbox backlog, updates
 * quarantined in the last hour.
 */
final class QueueGauges implements Runnable {

    private final OutboxStats stats;
    private final InboxStats inbox;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong inboxWaiting = new AtomicLong();
    private final AtomicLong quarantinedLastHour = new AtomicLong();
    private final Clock clock;

    QueueGauges(OutboxStats stats, InboxStats inbox, MeterRegistry registry, Clock clock) {
        this.stats = stats;
        this.inbox = inbox;
        this.clock = clock;
        Gauge.builder(OutboxStats.DEPTH, depth, AtomicLong::get).description("Outbox rows queued or being sent")
                .register(registry);
        Gauge.builder(OutboxStats.OLDEST_AGE, oldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest waiting outbox row has waited").register(registry);
        Gauge.builder(OutboxStats.PARKED, parked, AtomicLong::get).description("Outbox rows that will not be sent")
                .register(registry);
        Gauge.builder(InboxStats.WAITING, inboxWaiting, AtomicLong::get).description("Updates stored, not yet handled")
                .register(registry);
        Gauge.builder(InboxStats.QUARANTINED_LAST_HOUR, quarantinedLastHour, AtomicLong::get)
                .description("Updates quarantined in the last hour (luvhive inbox quarantine lists them)")
                .register(registry);
    }

    @Override
    public void run() {
        OutboxStats.Snapshot snapshot = stats.snapshot();
        depth.set(snapshot.depth());
        oldestSeconds.set(snapshot.oldest().toSeconds());
        parked.set(snapshot.parked());
        inboxWaiting.set(inbox.waiting());
        quarantinedLastHour.set(inbox.quarantinedSince(clock.instant().minus(Duration.ofHours(1))));
    }
}
