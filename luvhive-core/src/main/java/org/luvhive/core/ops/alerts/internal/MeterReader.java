package org.luvhive.core.ops.alerts.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.luvhive.core.db.QueryTimingSqlLogger;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.ops.alerts.ProcessReadings;
import org.luvhive.core.update.InboxProcessor;
import org.luvhive.core.update.InboxStats;

/**
 * Takes a {@link Sample} from the registry by meter name (the constants of the classes
 * that register them), whatever the tags, so meters registered later (a counter's first
 * increment) are picked up. Thread-safe.
 */
public final class MeterReader {

    private final MeterRegistry registry;
    private final ProcessReadings process;

    public MeterReader(MeterRegistry registry, ProcessReadings process) {
        this.registry = registry;
        this.process = process;
    }

    public Sample sample(Instant at) {
        return new Sample(at, counted(InboxProcessor.HANDLED), counted(InboxProcessor.FAILED),
                counted(OutboxSender.FLOOD_WAITS), DbHistogram.of(registry.find(QueryTimingSqlLogger.METER).timers()),
                oldestRunningMillis(), gauged(OutboxStats.DEPTH), process.heapUsedRatio(), process.cpuUsage(),
                gauged(InboxStats.QUARANTINED_LAST_HOUR));
    }

    private double oldestRunningMillis() {
        var gauges = registry.find(QueryTimingSqlLogger.OLDEST_RUNNING).gauges();
        return gauges.isEmpty() ? Double.NaN : gauges.stream().mapToDouble(Gauge::value).max().orElse(0) * 1000;
    }

    private double counted(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double gauged(String name) {
        var gauges = registry.find(name).gauges();
        if (gauges.isEmpty()) {
            return Double.NaN;
        }
        return gauges.stream().mapToDouble(Gauge::value).sum();
    }
}
