package org.luvhive.core.ops.alerts.internal;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Collection;
import org.luvhive.core.ops.alerts.ProcessReadings;

/**
 * Memory and CPU as Prometheus sees them: heap = sum of {@code jvm.memory.used{area=heap}}
 * over sum of {@code jvm.memory.max{area=heap}} (pools without a max, reported as -1,
 * left out), CPU = {@code process.cpu.usage} (this JVM's share of all the machine's
 * CPUs, 0..1; not {@code system.cpu.usage}, which includes other processes). Without
 * those meters bound it asks the JVM's MXBeans directly. Thread-safe.
 */
public final class JvmReadings implements ProcessReadings {

    private final MeterRegistry registry;

    public JvmReadings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public double heapUsedRatio() {
        Collection<Gauge> used = registry.find("jvm.memory.used").tag("area", "heap").gauges();
        Collection<Gauge> max = registry.find("jvm.memory.max").tag("area", "heap").gauges();
        if (!used.isEmpty() && !max.isEmpty()) {
            double usedBytes = used.stream().mapToDouble(Gauge::value).filter(Double::isFinite).sum();
            double maxBytes = max.stream().mapToDouble(Gauge::value).filter(value -> value > 0).sum();
            return maxBytes > 0 ? usedBytes / maxBytes : Double.NaN;
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getMax() > 0 ? (double) heap.getUsed() / heap.getMax() : Double.NaN;
    }

    @Override
    public double cpuUsage() {
        Gauge gauge = registry.find("process.cpu.usage").gauge();
        double value = gauge != null ? gauge.value() : mxBeanCpu();
        return value >= 0 && Double.isFinite(value) ? value : Double.NaN;
    }

    private static double mxBeanCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuLoad();
        }
        return Double.NaN;
    }
}
