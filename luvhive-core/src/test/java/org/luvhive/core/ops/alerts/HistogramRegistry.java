package org.luvhive.core.ops.alerts;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.stream.DoubleStream;

/**
 * A SimpleMeterRegistry whose timers keep cumulative histogram buckets, as the
 * Prometheus registry of the bot does (SimpleMeterRegistry alone publishes no
 * percentile buckets). Bounds in ms: 1, 2, 5, 10, 25, 50, 100, 150, 200, 250, 300, 400,
 * 500, 1000, 5000, 30000.
 */
final class HistogramRegistry {

    private HistogramRegistry() {
    }

    static SimpleMeterRegistry create() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        double[] boundsNanos = DoubleStream.of(1, 2, 5, 10, 25, 50, 100, 150, 200, 250, 300, 400, 500, 1000, 5000, 30000)
                .map(millis -> millis * 1_000_000).toArray();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(boundsNanos)
                        .expiry(Duration.ofDays(1825))
                        .bufferLength(1)
                        .build()
                        .merge(config);
            }
        });
        return registry;
    }
}
