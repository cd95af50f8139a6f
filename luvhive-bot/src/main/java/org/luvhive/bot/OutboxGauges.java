package org.luvhive.bot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.update.InboxRetention;

/**
 * Queue figures as gauges, refreshed by a maintenance job rather than queried on every
 * scrape: outbox depth, age of its oldest waiting row, parked rows, inbox backlog.
 */
final class OutboxGauges implements Runnable {

    static final String DEPTH = "luvhive.outbox.depth";
    static final String OLDEST = "luvhive.outbox.oldest.age";
    static final String PARKED = "luvhive.outbox.parked";
    static final String INBOX_WAITING = "luvhive.inbox.waiting";

    private final OutboxStats stats;
    private final InboxRetention inbox;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong inboxWaiting = new AtomicLong();

    OutboxGauges(OutboxStats stats, InboxRetention inbox, MeterRegistry registry) {
        this.stats = stats;
        this.inbox = inbox;
        Gauge.builder(DEPTH, depth, AtomicLong::get).description("Outbox rows queued or being sent").register(registry);
        Gauge.builder(OLDEST, oldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest waiting outbox row has waited").register(registry);
        Gauge.builder(PARKED, parked, AtomicLong::get).description("Outbox rows that will not be sent").register(registry);
        Gauge.builder(INBOX_WAITING, inboxWaiting, AtomicLong::get).description("Updates stored, not yet handled")
                .register(registry);
    }

    @Override
    public void run() {
        OutboxStats.Snapshot snapshot = stats.snapshot();
        depth.set(snapshot.depth());
        oldestSeconds.set(snapshot.oldest().toSeconds());
        parked.set(snapshot.parked());
        inboxWaiting.set(inbox.waiting());
    }
}
