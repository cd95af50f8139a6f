package org.luvhive.core.ops.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import org.luvhive.core.ops.alerts.internal.JvmReadings;

/**
 * Where the memory and CPU alerts read from: the JVM's meters in production
 * ({@link #of(MeterRegistry)}), a fake in tests. Implementations are thread-safe.
 */
public interface ProcessReadings {

    /** The readings of this JVM, from the JVM and process meters bound to {@code registry}. */
    static ProcessReadings of(MeterRegistry registry) {
        return new JvmReadings(registry);
    }

    /** Heap used divided by heap max, 0..1; NaN when unknown. */
    double heapUsedRatio();

    /** This process's share of the machine's CPU, 0..1; NaN when unknown. */
    double cpuUsage();
}
