package org.luvhive.core.ops.alerts.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.luvhive.core.ops.alerts.ProcessReadings;

/**
 * Takes a {@link Sample} from the registry by meter name, whatever the tags, so meters
 * registered later (a counter's first increment) are picked up. Thread-safe.
 */
public final class MeterReader {

    public static final String HANDLED = "luvhive.updates.handled";
    public static final String FAILED = "luvhive.updates.failed";
    public static final String FLOODWAIT = "luvhive.telegram.floodwait";
    public static final String DB_QUERY = "luvhive.db.query";
    public static final String OUTBOX_DEPTH = "luvhive.outbox.depth";

    private final MeterRegistry registry;
    private final ProcessReadings process;

    public MeterReader(MeterRegistry registry, ProcessReadings process) {
        this.registry = registry;
        this.process = process;
    }

    public Sample sample(Instant at) {
        return new Sample(at, counted(HANDLED), counted(FAILED), counted(FLOODWAIT),
                DbHistogram.of(registry.find(DB_QUERY).timers()), gauged(OUTBOX_DEPTH),
                process.heapUsedRatio(), process.cpuUsage());
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
