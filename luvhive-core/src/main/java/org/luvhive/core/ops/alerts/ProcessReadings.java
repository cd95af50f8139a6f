package org.luvhive.core.ops.alerts;

/**
 * Where the memory and CPU alerts read from: the JVM's meters in production
 * ({@code org.luvhive.core.ops.alerts.internal.JvmReadings}), a fake in tests.
 * Implementations are thread-safe.
 */
public interface ProcessReadings {

    /** Heap used divided by heap max, 0..1; NaN when unknown. */
    double heapUsedRatio();

    /** This process's share of the machine's CPU, 0..1; NaN when unknown. */
    double cpuUsage();
}
