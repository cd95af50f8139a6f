package org.luvhive.core.ops.alerts;

/** Memory and CPU readings a test sets. Thread-safe. */
final class FakeProcess implements ProcessReadings {

    volatile double heap = 0.30;
    volatile double cpu = 0.10;

    @Override
    public double heapUsedRatio() {
        return heap;
    }

    @Override
    public double cpuUsage() {
        return cpu;
    }
}
